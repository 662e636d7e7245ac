:kb_step_run
rem Runs the program at KB_PATH with KB_ARGS (no shell in between) and checks its exit code
rem against KB_SUCCESS. A missing program, or an argument whose base is unusable (KB_ARG_BAD),
rem fails the step before anything runs. The batch script cannot enforce the
rem timeout. Its output goes to the log.
set "KB_OS_PLAN=kb_run_plan" & set "KB_OS_ACT=kb_run_act"
goto :kb_oneshot_step
:kb_run_plan
set "KB_NOTE=%KB_ARG_BAD%"
if defined KB_ARG_BAD set "KB_OS_END=failed"
if defined KB_OS_END exit /b 0
set "KB_BELOW=0"
call :kb_resolve
if errorlevel 1 set "KB_OS_END=failed"
if defined KB_OS_END exit /b 0
set "KB_NOTE=%KB_PATH% not found"
if not "%KB_KIND%"=="file" set "KB_OS_END=failed"
if defined KB_OS_END exit /b 0
set "KB_NOTE=runs %KB_PATH%"
exit /b 0
:kb_run_act
"%KB_PATH%" %KB_ARGS% <nul >"%KB_TMP%" 2>&1
set "KB_T=%errorlevel%"
if defined KB_LOGFILE type "%KB_TMP%" >>"%KB_LOGFILE%" 2>nul
set "KB_RUN_OK="
for %%c in (%KB_SUCCESS%) do if "%%c"=="%KB_T%" set "KB_RUN_OK=1"
set "KB_NOTE=%KB_PATH% exited with %KB_T%"
if not defined KB_RUN_OK set "KB_OS_END=failed"
exit /b 0
