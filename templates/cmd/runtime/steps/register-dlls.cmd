:kb_step_dlls_begin
rem regsvr32 /s for each DLL (never /u); a DLL whose file is missing is skipped and reported
rem (gpkcsp, sccbase, slbcsp are gone after XP/2003). Not testable by state: behind a guard.
rem cmd cannot read a DLL's PE header, so it cannot pick the regsvr32 of the DLL's bitness: it
rem runs the native one (this script runs in the 64-bit cmd on 64-bit Windows), which starts
rem its other-bitness twin itself for a DLL of the other bitness (docs/kb-facts.md#regsvr32).
rem Exit codes in KB_SUCCESS count as registered; with KB_DLL_ALLOW4=1, exit code 4 (no
rem DllRegisterServer: not self-registering) is reported, not failed.
rem Batch holds no list as one value, so each DLL is resolved by its own call (:kb_step_dll)
rem into KB_DLL_LIST, and :kb_step_dlls_end hands the step to the one-shot lifecycle.
set "KB_DLL_LIST="
set /a "KB_DLL_COUNT=0"
set "KB_DLL_MISSING="
set "KB_DLL_BAD="
exit /b 0

:kb_step_dll
rem One DLL (its path in KB_B, KB_REL): resolved here, registered by :kb_dlls_act. Whitelisted
rem path text holds no quote, so each path goes into the list in quotes.
set "KB_BELOW=0"
call :kb_resolve
if errorlevel 1 set "KB_DLL_BAD=%KB_DLL_BAD% (%KB_NOTE%)"
if errorlevel 1 exit /b 0
call :kb_split
if not "%KB_KIND%"=="file" set "KB_DLL_MISSING=%KB_DLL_MISSING% %KB_LEAF%"
if not "%KB_KIND%"=="file" exit /b 0
set "KB_DLL_LIST=%KB_DLL_LIST% "%KB_PATH%""
set /a "KB_DLL_COUNT+=1"
exit /b 0

:kb_step_dlls_end
set "KB_OS_PLAN=kb_dlls_plan" & set "KB_OS_ACT=kb_dlls_act"
goto :kb_oneshot_step
:kb_dlls_plan
set "KB_NOTE=regsvr32 failed for%KB_DLL_BAD%"
if defined KB_DLL_BAD set "KB_OS_END=failed"
if defined KB_OS_END exit /b 0
set "KB_NOTE=0 registered; skipped, not on this Windows:%KB_DLL_MISSING%"
if "%KB_DLL_COUNT%"=="0" set "KB_OS_END=ok"
if defined KB_OS_END exit /b 0
set "KB_AFTER=%KB_DLL_COUNT% DLL(s) registered with regsvr32 /s"
set "KB_NOTE=%KB_DLL_COUNT% would be registered"
if defined KB_DLL_MISSING set "KB_NOTE=%KB_NOTE%; skipped, not on this Windows:%KB_DLL_MISSING%"
set "KB_NOTE=%KB_NOTE%; DLL bitness not read (batch cannot): the native regsvr32 runs each DLL"
exit /b 0
:kb_dlls_act
set /a "KB_DLL_DONE=0"
set "KB_DLL_FAILED="
set "KB_DLL_NOTSELF="
for %%D in (%KB_DLL_LIST%) do (set "KB_DLL=%%~D" & call :kb_dll_register)
set "KB_AFTER=%KB_DLL_DONE% DLL(s) registered with regsvr32 /s"
set "KB_NOTE=%KB_DLL_DONE% registered"
if defined KB_DLL_NOTSELF set "KB_NOTE=%KB_NOTE%; not self-registering (allowed):%KB_DLL_NOTSELF%"
if defined KB_DLL_MISSING set "KB_NOTE=%KB_NOTE%; skipped, not on this Windows:%KB_DLL_MISSING%"
if defined KB_DLL_FAILED set "KB_NOTE=%KB_NOTE%; regsvr32 failed for%KB_DLL_FAILED%"
set "KB_NOTE=%KB_NOTE%; DLL bitness not read (batch cannot): the native regsvr32 runs each DLL"
if defined KB_DLL_FAILED set "KB_OS_END=failed"
exit /b 0
:kb_dll_register
rem One DLL: its path in KB_DLL (a call with arguments would expand them again).
for %%F in ("%KB_DLL%") do set "KB_DLL_NAME=%%~nxF"
"%KB_REGSVR32%" /s "%KB_DLL%"
set "KB_T=%errorlevel%"
set "KB_RUN_OK="
for %%c in (%KB_SUCCESS%) do if "%%c"=="%KB_T%" set "KB_RUN_OK=1"
if defined KB_RUN_OK set /a "KB_DLL_DONE+=1"
if defined KB_RUN_OK exit /b 0
if "%KB_DLL_ALLOW4%%KB_T%"=="14" set "KB_DLL_NOTSELF=%KB_DLL_NOTSELF% %KB_DLL_NAME%"
if "%KB_DLL_ALLOW4%%KB_T%"=="14" exit /b 0
set "KB_DLL_FAILED=%KB_DLL_FAILED% %KB_DLL_NAME% (exit %KB_T%)"
exit /b 0
