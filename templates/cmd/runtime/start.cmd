rem ---- Preflight: a sane Windows folder, an administrator, one run at a time ----
:kb_args_ok
set "KB_LVL=info"
set "KB_RC=%KB_EXIT_StepFailed%"
set "KB_PV=%KB_ENV_windir%####"
if not "%KB_PV:~1,2%"==":\" goto :kb_bad_windows
rem Tools by full path: never one found in the current folder or on a changed PATH.
set "KB_SYS=%KB_ENV_windir%\System32"
set "KB_REG=%KB_SYS%\reg.exe"
set "KB_SC=%KB_SYS%\sc.exe"
set "KB_NET=%KB_SYS%\net.exe"
set "KB_PING=%KB_SYS%\ping.exe"
rem A service's pending state is waited for a second at a time (ping -n 2), this many times.
set "KB_SVC_WAIT=60"
set "KB_FIND=%KB_SYS%\find.exe"
set "KB_ATTRIB=%KB_SYS%\attrib.exe"
set "KB_REGSVR32=%KB_SYS%\regsvr32.exe"
set "KB_WEVTUTIL=%KB_SYS%\wevtutil.exe"
set "KB_ICACLS=%KB_SYS%\icacls.exe"
rem forfiles tells the age of the ladder file (Vista and Server 2003 on; XP has none).
set "KB_FORFILES=%KB_SYS%\forfiles.exe"
rem An administrator: net session needs the Server service, so HKU\S-1-5-19 is asked as well.
"%KB_NET%" session >nul 2>&1
if not errorlevel 1 goto :kb_admin_ok
"%KB_REG%" query "HKU\S-1-5-19" >nul 2>&1
if not errorlevel 1 goto :kb_admin_ok
set "KB_RC=%KB_EXIT_NotElevated%"
set "KB_MSG=kbfix %KB_ID%: NotElevated (exit %KB_RC%): run as SYSTEM or an elevated administrator; nothing was changed"
call :kb_echo
exit /b %KB_RC%
:kb_admin_ok
rem State and the run lock live in kbfix\<id> under ProgramData, writable by SYSTEM and Administrators only.
rem XP and Server 2003 define no ProgramData: the All Users profile instead (its Application Data
rem subfolder lets users create folders there). docs/windows-versions.md#batch-state-on-xp-and-server-2003
set "KB_STATEBASE=%KB_ENV_ProgramData%"
if not defined ProgramData set "KB_STATEBASE=%KB_ENV_ALLUSERSPROFILE%"
set "KB_PV=%KB_STATEBASE%####"
if not "%KB_PV:~1,2%"==":\" goto :kb_bad_programdata
set "KB_DIR=%KB_STATEBASE%\kbfix"
set "KB_STATEDIR=%KB_DIR%\%KB_ID%"
set "KB_RAN="
if defined KB_CHECK goto :kb_run_checking
call :kb_private_folder
if not exist "%KB_STATEDIR%\" mkdir "%KB_STATEDIR%" >nul 2>&1
if not exist "%KB_STATEDIR%\" goto :kb_bad_programdata
rem The lock: handle 9 holds the file open for the whole run, a second run cannot open it.
call :kb_run 2>nul 9>"%KB_STATEDIR%\fix.cmd.lock"
if not defined KB_RAN goto :kb_busy
goto :kb_ran
:kb_run_checking
rem Check mode creates nothing, not even kbfix's own folder, ACL or lock file: it reads the state
rem a real run left, if any, and a real run alongside it only changes what it reads.
set "KB_DIRACL=kept"
call :kb_run 2>nul
:kb_ran
set "KB_MSG=%KB_RECAP%"
call :kb_echo
exit /b %KB_RC%

:kb_relaunch
set "KBFIX_RELAUNCHED=1"
if not defined KB_ENV_windir goto :kb_no_sysnative
if not exist "%KB_ENV_windir%\Sysnative\cmd.exe" goto :kb_no_sysnative
"%KB_ENV_windir%\Sysnative\cmd.exe" /d /c ""%~f0" %*"
exit /b %errorlevel%
:kb_no_sysnative
echo.kbfix: StepFailed: a 32-bit cmd on 64-bit Windows and no Sysnative\cmd.exe to run in; nothing was changed
exit /b 2

:kb_busy
set "KB_RC=%KB_EXIT_Busy%"
set "KB_MSG=kbfix %KB_ID%: Busy (exit %KB_RC%): another run of this playbook holds %KB_STATEDIR%\fix.cmd.lock; nothing was changed"
call :kb_echo
exit /b %KB_RC%

:kb_bad_windows
set "KB_MSG=kbfix %KB_ID%: StepFailed (exit %KB_EXIT_StepFailed%): windir is not set, not a full path or holds a double quote; nothing was changed"
call :kb_echo
exit /b %KB_EXIT_StepFailed%

:kb_bad_programdata
set "KB_MSG=kbfix %KB_ID%: StepFailed (exit %KB_EXIT_StepFailed%): no usable kbfix folder under ProgramData (ALLUSERSPROFILE on XP and 2003; one holding a double quote is not used) for the state and the lock; nothing was changed"
call :kb_echo
exit /b %KB_EXIT_StepFailed%

:kb_missing_value
set "KB_BADARG=argument %KB_ARGN% needs a value after it"
:kb_bad_args
set "KB_MSG=kbfix %KB_ID%: BadArguments (exit %KB_EXIT_BadArguments%): %KB_BADARG%; nothing was changed (run with /? for the usage)"
call :kb_echo
exit /b %KB_EXIT_BadArguments%

:kb_private_folder
rem Creates KB_DIR with an ACL for SYSTEM and Administrators (users may read): a standard user
rem must not plant state that hides evidence. icacls is missing on XP; the folder is then as
rem inherited, and KB_DIRACL says so for the log (kb_state_folder_note, once the log is open).
set "KB_DIRACL=kept"
if exist "%KB_DIR%\" exit /b 0
mkdir "%KB_DIR%" >nul 2>&1
set "KB_DIRACL=inherited"
if not exist "%KB_ICACLS%" exit /b 0
"%KB_ICACLS%" "%KB_DIR%" /inheritance:r /grant:r "*S-1-5-18:(OI)(CI)F" "*S-1-5-32-544:(OI)(CI)F" "*S-1-5-32-545:(OI)(CI)RX" >nul 2>&1
if not errorlevel 1 set "KB_DIRACL=private"
exit /b 0
