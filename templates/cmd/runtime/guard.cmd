rem ---- guards: what makes a one-shot step safe to repeat ----
:kb_guard_path
rem A creates or removes guard: resolves its path now (KB_G_OK=1: the step may run).
set "KB_G_ERR="
set "KB_G_OK=0"
set "KB_BELOW=0"
call :kb_resolve
if errorlevel 1 goto :kb_guard_unusable
if "%KB_G_KIND%"=="creates" if "%KB_KIND%"=="none" set "KB_G_OK=1"
if "%KB_G_KIND%"=="removes" if not "%KB_KIND%"=="none" set "KB_G_OK=1"
if "%KB_G_KIND%"=="creates" set "KB_G_WHY=guard: %KB_PATH% already exists"
if "%KB_G_KIND%"=="removes" set "KB_G_WHY=guard: %KB_PATH% does not exist"
exit /b 0
:kb_guard_unusable
set "KB_G_ERR=guard: %KB_NOTE%"
exit /b 0

:kb_guard_check
rem errorlevel 0: the step may run. Otherwise the step is recorded (skipped, or failed when the
rem guard's path is unusable) and the caller returns.
if "%KB_G_KIND%"=="none" exit /b 0
if defined KB_G_ERR goto :kb_guard_failed
if "%KB_G_OK%"=="1" exit /b 0
set "KB_STATUS=skipped"
set "KB_NOTE=%KB_G_WHY%"
call :kb_result
exit /b 1
:kb_guard_failed
set "KB_STATUS=failed"
set "KB_NOTE=%KB_G_ERR%"
call :kb_result
exit /b 1
