:kb_probe_cmd_run
rem A read-only Windows tool: runs KB_PATH with KB_ARGS (no shell in between), its output to
rem KB_TMP and its exit code to KB_CP_RC. The batch script relaunched itself in the 64-bit cmd
rem (start), so System32 is the 64-bit tool's folder. It cannot enforce the timeout. A tool that
rem cannot be run, or an argument whose base is unusable (KB_ARG_BAD), leaves KB_PR=U: the probe
rem could not look.
set "KB_PR=0"
set "KB_CP_RC="
set "KB_CP_WHY="
set /a "KB_CP_PN=0, KB_CP_PH=0, KB_CP_CN=0, KB_CP_CH=0"
set "KB_CP_HAS="
set "KB_CP_LACKS="
set "KB_NOTE=%KB_ARG_BAD%"
if defined KB_ARG_BAD goto :kb_probe_cmd_unknown
call :kb_resolve
if errorlevel 1 goto :kb_probe_cmd_unknown
set "KB_NOTE=program not found: %KB_PATH%"
if not "%KB_KIND%"=="file" goto :kb_probe_cmd_unknown
"%KB_PATH%" %KB_ARGS% <nul >"%KB_TMP%" 2>&1
set "KB_CP_RC=%errorlevel%"
if defined KB_LOGFILE type "%KB_TMP%" >>"%KB_LOGFILE%" 2>nul
exit /b 0
:kb_probe_cmd_unknown
set "KB_PR=U"
set "KB_PD=%KB_NOTE%"
exit /b 0

:kb_probe_cmd_token
rem Sets KB_CP_HIT when the output holds KB_TOK (one case variant of the token KB_CP_NAME).
if "%KB_PR%"=="U" exit /b 0
if defined KB_CP_HIT exit /b 0
"%KB_FIND%" "%KB_TOK%" "%KB_TMP%" >nul 2>&1
if not errorlevel 1 set "KB_CP_HIT=1"
exit /b 0

:kb_probe_cmd_problem_token
if "%KB_PR%"=="U" exit /b 0
set /a "KB_CP_PN+=1"
if not defined KB_CP_HIT exit /b 0
set /a "KB_CP_PH+=1"
set "KB_CP_HAS=%KB_CP_HAS% %KB_CP_NAME%"
exit /b 0

:kb_probe_cmd_clean_token
if "%KB_PR%"=="U" exit /b 0
set /a "KB_CP_CN+=1"
if defined KB_CP_HIT set /a "KB_CP_CH+=1"
if not defined KB_CP_HIT set "KB_CP_LACKS=%KB_CP_LACKS% %KB_CP_NAME%"
exit /b 0

:kb_probe_cmd_end
rem Present when the exit code is a problem code or not a clean code, or the output holds the
rem problem tokens or lacks the clean ones (KB_CP_ALL=1: every token of a list, else one).
if "%KB_PR%"=="U" goto :kb_probe_report
set "KB_PD=%KB_PATH%: exit code %KB_CP_RC%"
for %%c in (%KB_CP_PROBLEM%) do if "%%c"=="%KB_CP_RC%" set "KB_CP_WHY=%KB_CP_WHY%; exit code %KB_CP_RC% means the problem"
set "KB_CP_OK="
for %%c in (%KB_CP_CLEAN%) do if "%%c"=="%KB_CP_RC%" set "KB_CP_OK=1"
if not "%KB_CP_CLEAN%"=="" if not defined KB_CP_OK set "KB_CP_WHY=%KB_CP_WHY%; exit code %KB_CP_RC% is not %KB_CP_CLEAN%"
set "KB_CP_OK="
if "%KB_CP_ALL%"=="1" if %KB_CP_PN% GTR 0 if %KB_CP_PH% EQU %KB_CP_PN% set "KB_CP_OK=1"
if not "%KB_CP_ALL%"=="1" if %KB_CP_PH% GTR 0 set "KB_CP_OK=1"
if defined KB_CP_OK set "KB_CP_WHY=%KB_CP_WHY%; output has%KB_CP_HAS%"
set "KB_CP_OK="
if "%KB_CP_ALL%"=="1" if %KB_CP_CN% GTR 0 if %KB_CP_CH% LSS %KB_CP_CN% set "KB_CP_OK=1"
if not "%KB_CP_ALL%"=="1" if %KB_CP_CN% GTR 0 if %KB_CP_CH% EQU 0 set "KB_CP_OK=1"
if defined KB_CP_OK set "KB_CP_WHY=%KB_CP_WHY%; output lacks%KB_CP_LACKS%"
if defined KB_CP_WHY set "KB_PR=1"
set "KB_PD=%KB_PD%%KB_CP_WHY%"
if not defined KB_CP_WHY set "KB_PD=%KB_PD%, as expected"
goto :kb_probe_report
