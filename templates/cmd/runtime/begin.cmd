rem ---- begin: counters, the log, what runs where ----
:kb_begin
rem Opens the log, says what runs where: the Windows version (from ver), the architecture.
for %%C in (OK CHANGED SKIPPED FAILED NA MANUAL UNKNOWN) do set /a "KB_N_%%C=0"
set "KB_FAILED_IDS="
set "KB_DONE="
set "KB_STOPPED_BY="
set "KB_REBOOT=none"
set "KB_ANY_MANUAL="
set "KB_ANY_CHANGED="
set "KB_BASELINE_MOVED="
set "KB_PROFILE_LABEL="
call :kb_log_init
if errorlevel 1 goto :kb_begin_no_log
set "KB_CHECKWORD=no"
if defined KB_CHECK set "KB_CHECKWORD=yes: nothing will be changed"
set "KB_MSG===== %KB_TOOL% %KB_SCRIPT%: playbook %KB_ID% (source SHA-256 %KB_SHA256%); check mode: %KB_CHECKWORD% ===="
call :kb_log
if defined KB_TITLE set "KB_MSG=%KB_TITLE%"
if defined KB_TITLE call :kb_log
call :kb_windows_version
call :kb_architecture
call :kb_common_appdata
set "KB_MSG=Windows NT %KB_NTFULL% (from ver), architecture %KB_ARCH%, account %KB_ENV_USERNAME%"
call :kb_log
call :kb_state_folder_note
call :kb_env_note
exit /b 0
:kb_begin_no_log
set "KB_STOP=1"
set "KB_RC=%KB_EXIT_StepFailed%"
set "KB_RECAP=kbfix %KB_ID%: StepFailed (exit %KB_RC%): no log folder could be written; nothing was changed"
exit /b 1

:kb_env_note
rem Environment variables that held a double quote were not used (kb_env_take): said once, so a
rem base that is "not set" later has its reason in the log.
if not defined KB_ENV_UNSAFE exit /b 0
set "KB_MSG=environment variable(s)%KB_ENV_UNSAFE% hold a double quote: cannot be read safely, so they are treated as not set"
call :kb_warn
exit /b 0

:kb_state_folder_note
rem The preflight (start) chose the state folder before the log was open: where it is when it is
rem not under ProgramData (XP, 2003), and a kbfix folder made without a private ACL (no icacls.exe
rem on XP, or icacls failed), which keeps the ACL it inherited from the folder above.
if not defined ProgramData set "KB_MSG=State and run lock in %KB_STATEDIR% (this Windows defines no ProgramData: the All Users profile, ALLUSERSPROFILE)"
if not defined ProgramData call :kb_log
if not "%KB_DIRACL%"=="inherited" exit /b 0
set "KB_MSG=%KB_DIR% was created without a private ACL (no usable icacls.exe): it keeps the permissions inherited from the folder above"
call :kb_warn
exit /b 0

:kb_common_appdata
rem The base CommonAppData -> KB_ENV_CommonAppData: ProgramData from Vista (NT 6.0) on; on XP
rem and 2003 the "Common AppData" shell folder, whose last part is translated on localized Windows
rem (docs/windows-versions.md#common-application-data). Empty when it cannot be read.
set "KB_ENV_CommonAppData="
if not defined KB_NT exit /b 0
if %KB_NT% LSS 600 goto :kb_common_appdata_xp
set "KB_ENV_CommonAppData=%KB_ENV_ProgramData%"
exit /b 0
:kb_common_appdata_xp
set "KB_RKEY=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Explorer\Shell Folders"
set "KB_RNAME=Common AppData"
set "KB_RDEFAULT=0"
call :kb_reg_read
if "%KB_RFOUND%"=="1" if "%KB_RGOTTYPE%"=="REG_SZ" if "%KB_RQUOTE%"=="0" set "KB_ENV_CommonAppData=%KB_RGOT%"
exit /b 0

:kb_log_init
rem The log argument's folder, else Logs\kbfix in the Windows folder, else kbfix in TEMP.
rem Temporary files (tool output read back by for /f) sit beside the log, deleted at the end.
set "KB_LOGFILE="
set "KB_LOGDIR=%KB_ARG_LOG%"
if defined KB_LOGDIR call :kb_log_try
if not defined KB_LOGFILE set "KB_LOGDIR=%KB_ENV_windir%\Logs\kbfix"
if not defined KB_LOGFILE call :kb_log_try
if not defined KB_LOGFILE if defined KB_ENV_TEMP set "KB_LOGDIR=%KB_ENV_TEMP%\kbfix"
if not defined KB_LOGFILE if defined KB_ENV_TEMP call :kb_log_try
if not defined KB_LOGFILE exit /b 1
set "KB_RESULTFILE=%KB_LOGDIR%\%KB_ID%.fix.result.txt"
type nul >"%KB_RESULTFILE%" 2>nul
set "KB_TMP=%KB_LOGDIR%\%KB_ID%.fix.out.tmp"
set "KB_TMPLIST=%KB_LOGDIR%\%KB_ID%.fix.list.tmp"
set "KB_TMPPROF=%KB_LOGDIR%\%KB_ID%.fix.profiles.tmp"
set "KB_TMPALL=%KB_LOGDIR%\%KB_ID%.fix.match.tmp"
set "KB_TMPNEXT=%KB_LOGDIR%\%KB_ID%.fix.next.tmp"
exit /b 0

:kb_log_try
if not exist "%KB_LOGDIR%\" mkdir "%KB_LOGDIR%" >nul 2>&1
set "KB_T=%KB_LOGDIR%\%KB_ID%.fix.log"
set "KB_V="
if exist "%KB_T%" for %%F in ("%KB_T%") do set "KB_V=%%~zF"
if defined KB_V if %KB_V% GTR 250000 move /y "%KB_T%" "%KB_LOGDIR%\%KB_ID%.fix.lo_" >nul 2>&1
type nul >>"%KB_T%" 2>nul
if not exist "%KB_T%" exit /b 1
set "KB_LOGFILE=%KB_T%"
exit /b 0
