:kb_step_unsupported
rem A step kind batch cannot express (certificate stores): reported as manual work, never
rem silently skipped; the PowerShell script carries it out.
call :kb_guard_check
if errorlevel 1 exit /b 0
set "KB_STATUS=manual"
set "KB_NOTE=a %KB_UNSUPPORTED% step cannot be done by the batch script: run the PowerShell script or see README.md"
call :kb_result
exit /b 0
