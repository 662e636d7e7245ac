:kb_step_per_user
rem Runs the body KB_PU_BODY once per user profile in ProfileList (S-1-5-21-*, loaded or not)
rem and, with KB_PU_SERVICE=1, in the LocalSystem, LocalService and NetworkService profiles:
rem what a script running as SYSTEM does instead of every user running certutil. KB_PROFILE_SID
rem names the profile's registry hive (HKCU values).
call :kb_guard_check
if errorlevel 1 exit /b 0
set "KB_PU_ID=%KB_S_ID%"
set /a "KB_PU_COUNT=0"
"%KB_REG%" query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList" >"%KB_TMPPROF%" 2>nul
for /f "usebackq eol=| delims=" %%L in ("%KB_TMPPROF%") do (set "KB_V=%%L" & call :kb_profile_key)
if not "%KB_PU_SERVICE%"=="1" goto :kb_step_per_user_done
set "KB_PROFILE_LABEL=LocalSystem"
set "KB_PROFILE_SID=S-1-5-18"
set "KB_PROFILE=%KB_ENV_windir%\System32\config\systemprofile"
call :kb_profile_run
set "KB_PROFILE_LABEL=LocalService"
set "KB_PROFILE_SID=S-1-5-19"
set "KB_PROFILE=%KB_ENV_windir%\ServiceProfiles\LocalService"
call :kb_profile_run
set "KB_PROFILE_LABEL=NetworkService"
set "KB_PROFILE_SID=S-1-5-20"
set "KB_PROFILE=%KB_ENV_windir%\ServiceProfiles\NetworkService"
call :kb_profile_run
:kb_step_per_user_done
set "KB_PROFILE_LABEL="
set "KB_S_ID=%KB_PU_ID%"
set "KB_NOTE=ran in %KB_PU_COUNT% profile(s)"
goto :kb_step_ok

:kb_profile_key
rem One line of the ProfileList query: a subkey HKEY_LOCAL_MACHINE\...\S-1-5-21-... is a user.
call :kb_dequote
if not defined KB_V exit /b 0
set "KB_MSG=a ProfileList key holds a double quote: cannot be read safely, skipped: %KB_V%"
if "%KB_VQ%"=="1" goto :kb_profile_skip
set "KB_PV=%KB_V%###################"
if /i not "%KB_PV:~0,19%"=="HKEY_LOCAL_MACHINE\" exit /b 0
set "KB_SID="
for %%K in ("%KB_V%") do set "KB_SID=%%~nxK"
if not defined KB_SID exit /b 0
set "KB_PV=%KB_SID%#########"
if /i not "%KB_PV:~0,9%"=="S-1-5-21-" exit /b 0
if not "%KB_SID:.=%"=="%KB_SID%" exit /b 0
set "KB_RKEY=%KB_V%"
set "KB_RNAME=ProfileImagePath"
set "KB_RDEFAULT="
call :kb_reg_read
set "KB_PROFILE_LABEL=%KB_SID%"
set "KB_PROFILE_SID=%KB_SID%"
set "KB_MSG=profile %KB_SID% has no ProfileImagePath: skipped"
if not "%KB_RFOUND%"=="1" goto :kb_profile_skip
set "KB_MSG=profile %KB_SID%: its ProfileImagePath holds a double quote: cannot be read safely, skipped"
if "%KB_RQUOTE%"=="1" goto :kb_profile_skip
rem ProfileImagePath is REG_EXPAND_SZ: the variables Windows writes there are expanded.
set "KB_PROFILE=%KB_RGOT%"
set "KB_PV=%KB_RGOT%#############"
if /i "%KB_PV:~0,13%"=="%%SystemDrive%%" goto :kb_profile_systemdrive
if /i "%KB_PV:~0,12%"=="%%SystemRoot%%" goto :kb_profile_systemroot
if /i "%KB_PV:~0,8%"=="%%windir%%" goto :kb_profile_windir
call :kb_profile_run
exit /b 0
:kb_profile_systemdrive
set "KB_PROFILE=%KB_ENV_SystemDrive%%KB_RGOT:~13%"
call :kb_profile_run
exit /b 0
:kb_profile_systemroot
set "KB_PROFILE=%KB_ENV_SystemRoot%%KB_RGOT:~12%"
call :kb_profile_run
exit /b 0
:kb_profile_windir
set "KB_PROFILE=%KB_ENV_windir%%KB_RGOT:~8%"
call :kb_profile_run
exit /b 0
:kb_profile_skip
call :kb_warn
set "KB_PROFILE_LABEL="
exit /b 0

:kb_profile_run
rem KB_PROFILE must be a full path (not a root) and an existing folder; then the body runs in it.
set "KB_B=%KB_PROFILE%"
set "KB_BN=profile %KB_PROFILE_LABEL%"
set "KB_REL="
set "KB_BELOW=0"
set "KB_DRIVE=0"
call :kb_resolve
if errorlevel 1 goto :kb_profile_bad
set "KB_PROFILE=%KB_PATH%"
set "KB_MSG=profile %KB_PROFILE_LABEL%: %KB_PROFILE% does not exist: skipped"
if not "%KB_KIND%"=="dir" goto :kb_profile_skip_quiet
set /a "KB_PU_COUNT+=1"
set "KB_MSG=profile %KB_PROFILE_LABEL%: %KB_PROFILE%"
call :kb_log
call :%KB_PU_BODY%
set "KB_PROFILE_LABEL="
exit /b 0
:kb_profile_bad
set "KB_MSG=profile %KB_PROFILE_LABEL% skipped: %KB_NOTE%"
goto :kb_profile_skip
:kb_profile_skip_quiet
call :kb_log
set "KB_PROFILE_LABEL="
exit /b 0
