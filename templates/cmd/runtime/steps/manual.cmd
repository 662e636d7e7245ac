:kb_step_manual
rem Guidance a script cannot carry out: status manual, never counted as fixed. The text is here
rem only when it passed the batch whitelist; otherwise README.md has it.
call :kb_guard_check
if errorlevel 1 exit /b 0
set "KB_STATUS=manual"
set "KB_NOTE=%KB_MANUAL_TEXT%"
call :kb_result
exit /b 0
