rem ---- state: what the last successful run saw, in kbfix\<id>\<probe>.cmd-state under ProgramData ----
:kb_state_read
rem KB_ST_NAME -> KB_ST_VALUE (a number: a log file's size or an event record id), or empty.
set "KB_ST_VALUE="
set "KB_T=%KB_STATEDIR%\%KB_ST_NAME%.cmd-state"
if not exist "%KB_T%" exit /b 0
set "KB_V="
set /p KB_V=<"%KB_T%"
call :kb_dequote
call :kb_digits
if errorlevel 1 goto :kb_state_bad
set "KB_ST_VALUE=%KB_V%"
set "KB_MSG=last successful run: %KB_ST_NAME% was at %KB_ST_VALUE%"
call :kb_log
exit /b 0
:kb_state_bad
set "KB_MSG=ignoring %KB_T%: not a number"
call :kb_warn
exit /b 0

:kb_state_write
if defined KB_CHECK exit /b 0
set "KB_V=%KB_ST_VALUE%"
call :kb_digits
if errorlevel 1 exit /b 0
>"%KB_STATEDIR%\%KB_ST_NAME%.cmd-state" echo.%KB_ST_VALUE%
exit /b 0
