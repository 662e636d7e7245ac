:kb_step_registry
rem A typed value under HKLM (in the view KB_RVIEW names): read, compare as reg prints it (DWORD
rem 0x.., binary hex without case), write with reg add when it differs, read again: a value Setup
rem writes back at once is reported as failed ("did not stick"). A view this Windows cannot reach
rem for sure fails the step before anything is read or written. KB_RUSER=1: an HKCU value,
rem changed in each profile's hive (kb_step_user_registry).
if "%KB_RUSER%"=="1" goto :kb_step_user_registry
call :kb_guard_check
if errorlevel 1 exit /b 0
call :kb_reg_view
if defined KB_RVIEWBAD goto :kb_step_registry_view
call :kb_reg_change
rem The record names a view the playbook named (KB_NOTE may already hold a failure).
if not "%KB_RVIEW%"=="0" if defined KB_NOTE set "KB_NOTE=%KB_NOTE%; "
if not "%KB_RVIEW%"=="0" set "KB_NOTE=%KB_NOTE%in the %KB_RVIEW%-bit registry view"
call :kb_result
exit /b 0
:kb_step_registry_view
set "KB_STATUS=failed"
set "KB_NOTE=registry value: %KB_RVIEWBAD%"
call :kb_result
exit /b 0

:kb_reg_change
rem The value at KB_RKEY as a state step (:kb_state_change): read, compare as reg prints it,
rem write with reg add when it differs, read again. Sets KB_STATUS, KB_BEFORE, KB_AFTER and
rem KB_NOTE; the caller writes the record.
set "KB_ST_READ=kb_reg_state_read" & set "KB_ST_TEST=kb_reg_state_test" & set "KB_ST_SET=kb_reg_state_set" & set "KB_ST_AGAIN=kb_reg_state_read"
goto :kb_state_change
:kb_reg_state_read
rem kb_reg_compare describes what was read (KB_RSHOW): without it the record would show what an
rem earlier read described (the value before the change as the one after it).
call :kb_reg_read
call :kb_reg_compare
set "KB_ST_NOW=%KB_RSHOW%"
exit /b 0
:kb_reg_state_test
call :kb_reg_compare
set "KB_ST_SAME=%KB_RSAME%"
set "KB_ST_WANT=%KB_RTYPE% %KB_RWANT%"
set "KB_ST_MISS=did not stick: wanted %KB_RTYPE% %KB_RWANT%"
exit /b 0
:kb_reg_state_set
if "%KB_RDEFAULT%"=="1" "%KB_REG%" add "%KB_RKEY%" /ve /t %KB_RTYPE% /d "%KB_RADD%" /f %KB_RSW% >"%KB_TMP%" 2>&1
if not "%KB_RDEFAULT%"=="1" "%KB_REG%" add "%KB_RKEY%" /v "%KB_RNAME%" /t %KB_RTYPE% /d "%KB_RADD%" /f %KB_RSW% >"%KB_TMP%" 2>&1
set "KB_T=%errorlevel%"
if "%KB_T%"=="0" exit /b 0
rem A failed reg add: the record shows what the key holds now.
call :kb_reg_read
set "KB_AFTER=%KB_RSHOW%"
set "KB_NOTE=reg add failed (exit %KB_T%)"
set "KB_ST_END=failed"
exit /b 0

:kb_step_user_registry
rem An HKCU value in one profile (KB_RKEY: the key below HKCU). Windows has the hive of a logged-on
rem user (and of a service profile) loaded as HKU\<SID>: it is changed there. Otherwise the
rem profile's NTUSER.DAT is loaded with reg load under a temporary name and unloaded again before
rem the record is written: a hive that stays loaded fails the step, one that does not load too.
call :kb_guard_check
if errorlevel 1 exit /b 0
rem A profile's hive has no views: reg is called without a view switch.
set "KB_RSW="
set "KB_RSUB=%KB_RKEY%"
set "KB_HIVE=%KB_PROFILE_SID%"
set "KB_HIVE_OWN=0"
"%KB_REG%" query "HKU\%KB_HIVE%" >nul 2>&1
if not errorlevel 1 goto :kb_user_registry_change
set "KB_HIVE_FILE=%KB_PROFILE%\NTUSER.DAT"
set "KB_STATUS=skipped"
set "KB_NOTE=no registry hive: %KB_HIVE_FILE% does not exist"
if not exist "%KB_HIVE_FILE%" goto :kb_user_registry_done
set "KB_HIVE=kbfix-%RANDOM%-%KB_PROFILE_SID%"
"%KB_REG%" load "HKU\%KB_HIVE%" "%KB_HIVE_FILE%" >"%KB_TMP%" 2>&1
set "KB_T=%errorlevel%"
if "%KB_T%"=="0" goto :kb_user_registry_loaded
rem A load that failed half-way must not leave the hive behind.
"%KB_REG%" query "HKU\%KB_HIVE%" >nul 2>&1
if not errorlevel 1 "%KB_REG%" unload "HKU\%KB_HIVE%" >nul 2>&1
set "KB_STATUS=failed"
set "KB_NOTE=registry value: hive of %KB_PROFILE_SID% not loaded: reg load of %KB_HIVE_FILE% failed (exit %KB_T%; in use or damaged)"
goto :kb_user_registry_done
:kb_user_registry_loaded
set "KB_HIVE_OWN=1"
:kb_user_registry_change
set "KB_RKEY=HKU\%KB_HIVE%\%KB_RSUB%"
call :kb_reg_change
if not "%KB_HIVE_OWN%"=="1" goto :kb_user_registry_done
rem reg unload fails while any process holds a key of the hive: one more try before giving up.
"%KB_REG%" unload "HKU\%KB_HIVE%" >"%KB_TMP%" 2>&1
if not errorlevel 1 goto :kb_user_registry_done
"%KB_REG%" unload "HKU\%KB_HIVE%" >"%KB_TMP%" 2>&1
set "KB_T=%errorlevel%"
if "%KB_T%"=="0" goto :kb_user_registry_done
set "KB_STATUS=failed"
if defined KB_NOTE set "KB_NOTE=%KB_NOTE%; "
set "KB_NOTE=%KB_NOTE%hive %KB_HIVE_FILE% is still loaded as HKEY_USERS\%KB_HIVE% (reg unload exit %KB_T%)"
:kb_user_registry_done
call :kb_result
exit /b 0
