rem ---- log: one plain-text log per playbook, rolled over to .lo_ past 250,000 bytes ----
:kb_warn
set "KB_LVL=warn"
call :kb_log
exit /b 0

:kb_log
rem Writes KB_MSG (KB_LVL: info, warn, error) to the log and stdout. Read with !var! only:
rem text from the machine (paths, registry data) is never parsed as commands.
setlocal EnableDelayedExpansion
set "KB_TAG="
if "!KB_LVL!"=="warn" set "KB_TAG=WARNING: "
if "!KB_LVL!"=="error" set "KB_TAG=ERROR: "
if defined KB_LOGFILE >>"!KB_LOGFILE!" echo.!date! !time! !KB_TAG!!KB_MSG!
echo.!KB_TAG!!KB_MSG!
endlocal
set "KB_LVL=info"
exit /b 0

:kb_echo
rem KB_MSG to stdout only (before the log exists, and the recap line).
setlocal EnableDelayedExpansion
echo.!KB_MSG!
endlocal
exit /b 0
