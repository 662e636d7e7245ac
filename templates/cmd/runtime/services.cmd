rem ---- services: read with sc qc and sc query, changed with sc config, net start, net stop ----
:kb_service_read
rem KB_SVC -> KB_SVC_START (2 automatic, 3 manual, 4 disabled, 5 automatic with a delayed start:
rem sc qc prints 2 AUTO_START (DELAYED)) and KB_SVC_STATE (1 stopped, 2 starting, 3 stopping,
rem 4 running, ...), both empty when sc cannot read the service; KB_SVC_TEXT for the log.
set "KB_SVC_START="
set "KB_SVC_STATE="
"%KB_SC%" qc "%KB_SVC%" 8192 >"%KB_TMP%" 2>nul
for /f "usebackq eol=| tokens=1,3,5" %%a in ("%KB_TMP%") do if "%%a"=="START_TYPE" set "KB_SVC_START=%%b"
for /f "usebackq eol=| tokens=1,3,5" %%a in ("%KB_TMP%") do if "%%a"=="START_TYPE" if "%%b"=="2" if "%%c"=="(DELAYED)" set "KB_SVC_START=5"
"%KB_SC%" query "%KB_SVC%" >"%KB_TMP%" 2>nul
for /f "usebackq eol=| tokens=1,3" %%a in ("%KB_TMP%") do if "%%a"=="STATE" set "KB_SVC_STATE=%%b"
rem Tool output: its double quotes go as it is first expanded (docs/emitted-script-rules.md#machine-values).
if defined KB_SVC_START set "KB_SVC_START=%KB_SVC_START:"=%"
if defined KB_SVC_STATE set "KB_SVC_STATE=%KB_SVC_STATE:"=%"
set "KB_SVC_STARTTEXT=start type %KB_SVC_START%"
if "%KB_SVC_START%"=="2" set "KB_SVC_STARTTEXT=start type automatic"
if "%KB_SVC_START%"=="3" set "KB_SVC_STARTTEXT=start type manual"
if "%KB_SVC_START%"=="4" set "KB_SVC_STARTTEXT=start type disabled"
if "%KB_SVC_START%"=="5" set "KB_SVC_STARTTEXT=start type automatic (delayed start)"
if not defined KB_SVC_START set "KB_SVC_STARTTEXT=start type unknown"
set "KB_SVC_STATETEXT=state %KB_SVC_STATE%"
if "%KB_SVC_STATE%"=="1" set "KB_SVC_STATETEXT=stopped"
if "%KB_SVC_STATE%"=="2" set "KB_SVC_STATETEXT=starting"
if "%KB_SVC_STATE%"=="3" set "KB_SVC_STATETEXT=stopping"
if "%KB_SVC_STATE%"=="4" set "KB_SVC_STATETEXT=running"
if not defined KB_SVC_STATE set "KB_SVC_STATETEXT=not found"
set "KB_SVC_TEXT=%KB_SVC_STARTTEXT%, %KB_SVC_STATETEXT%"
exit /b 0

:kb_service_settle
rem Reads KB_SVC and, while it is starting or stopping (state 2 or 3), waits a second and reads
rem again, at most KB_SVC_WAIT times (the PowerShell runtime's 60 seconds): never unbounded.
rem errorlevel 1 when it is still pending after that.
set "KB_SVC_WAITED=0"
:kb_service_settle_read
call :kb_service_read
if not "%KB_SVC_STATE%"=="2" if not "%KB_SVC_STATE%"=="3" exit /b 0
if %KB_SVC_WAITED% GEQ %KB_SVC_WAIT% exit /b 1
set /a "KB_SVC_WAITED+=1"
"%KB_PING%" -n 2 127.0.0.1 >nul 2>&1
goto :kb_service_settle_read

:kb_service_dependents
rem KB_SVC -> KB_DEPS_NOW: the services depending on it that are not stopped, in the order to
rem stop them (sc enumdepend lists direct and indirect dependents, the last started first), and
rem KB_DEPSUP_NOW the other way round, the order to start them again. The names are machine text
rem that later goes unquoted into for lists and sc / net lines: a running dependent whose name is
rem not made of the characters service names use (kb_service_name_check) is left out and named in
rem KB_DEPS_UNSAFE instead (double quotes shown as /), and the caller then stops nothing.
set "KB_DEPS_NOW="
set "KB_DEPSUP_NOW="
set "KB_DEPS_UNSAFE="
set "KB_DEP_NAME="
set "KB_DEP_BAD="
"%KB_SC%" enumdepend "%KB_SVC%" 16384 >"%KB_TMP%" 2>nul
for /f "usebackq eol=| tokens=1-3*" %%a in ("%KB_TMP%") do (set "KB_DL1=%%a" & set "KB_DL2=%%b" & set "KB_DL3=%%c" & set "KB_DL4=%%d" & call :kb_service_dependent_line)
exit /b 0
:kb_service_dependent_line
rem Double quotes become / first: after that each field is safe inside quotes.
if defined KB_DL1 set "KB_DL1=%KB_DL1:"=/%"
if defined KB_DL2 set "KB_DL2=%KB_DL2:"=/%"
if defined KB_DL3 set "KB_DL3=%KB_DL3:"=/%"
if defined KB_DL4 set "KB_DL4=%KB_DL4:"=/%"
if "%KB_DL1%"=="SERVICE_NAME:" goto :kb_service_dependent_name
if not "%KB_DL1%"=="STATE" exit /b 0
if "%KB_DL3%"=="1" exit /b 0
if defined KB_DEP_BAD goto :kb_service_dependent_unsafe
if not defined KB_DEP_NAME exit /b 0
set "KB_DEPS_NOW=%KB_DEPS_NOW% %KB_DEP_NAME%"
set "KB_DEPSUP_NOW=%KB_DEP_NAME% %KB_DEPSUP_NOW%"
exit /b 0
:kb_service_dependent_unsafe
set "KB_DEPS_UNSAFE=%KB_DEPS_UNSAFE% '%KB_DEP_BAD%'"
exit /b 0
:kb_service_dependent_name
rem A name with a space arrives in several fields: joined again, it fails the check.
set "KB_DEP_NAME="
set "KB_DEP_BAD="
set "KB_V=%KB_DL2%"
if defined KB_DL3 set "KB_V=%KB_V% %KB_DL3%"
if defined KB_DL4 set "KB_V=%KB_V% %KB_DL4%"
call :kb_service_name_check
if errorlevel 1 (set "KB_DEP_BAD=%KB_V%") else set "KB_DEP_NAME=%KB_V%"
exit /b 0

:kb_service_name_check
rem errorlevel 0 when KB_V (free of double quotes) is a service name batch can carry unquoted:
rem only letters, digits and _ - . $ @ { } # (docs/emitted-script-rules.md#service-names).
rem Character by character, each compared in quotes with that list; ] ends the copy, so a ]
rem in the name itself is first made a / (which fails).
if not defined KB_V exit /b 1
set "KB_SN=%KB_V:]=/%]"
:kb_service_name_char
set "KB_C=%KB_SN:~0,1%"
if "%KB_C%"=="]" exit /b 0
set "KB_SN=%KB_SN:~1%"
set "KB_OK="
for %%c in (a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9 _ - . $ @ { } #) do if /i "%KB_C%"=="%%c" set "KB_OK=1"
if not defined KB_OK exit /b 1
goto :kb_service_name_char

:kb_service_stop
rem KB_SVC -> stopped: the services running on it first (net stop would stop to ask), then the
rem service, pending states waited through. Windows restarts some services behind our back
rem (Windows Update through UsoSvc and WaaSMedicSvc): one running again right after it stopped is
rem stopped again, at most 3 times. -> errorlevel 1 with KB_NOTE when it is not stopped;
rem KB_SVC_DEPS / KB_SVC_DEPSUP the dependents it stopped (stop and start order),
rem KB_SVC_RESTARTS how often it came back.
set "KB_SVC_RESTARTS=0"
set "KB_SVC_DEPS="
set "KB_SVC_DEPSUP="
set "KB_SVC_MAIN=%KB_SVC%"
:kb_service_stop_again
set "KB_SVC=%KB_SVC_MAIN%"
set "KB_NOTE="
call :kb_service_settle
if "%KB_SVC_STATE%"=="1" exit /b 0
call :kb_service_dependents
if defined KB_DEPS_UNSAFE goto :kb_service_stop_dependent_unsafe
set "KB_SVC_DEPS=%KB_SVC_DEPS%%KB_DEPS_NOW%"
set "KB_SVC_DEPSUP=%KB_DEPSUP_NOW%%KB_SVC_DEPSUP%"
set "KB_DEP_FAILED="
for %%d in (%KB_DEPS_NOW%) do (set "KB_SVC=%%d" & call :kb_service_stop_dependent)
set "KB_SVC=%KB_SVC_MAIN%"
if defined KB_DEP_FAILED goto :kb_service_stop_dependent_failed
"%KB_NET%" stop "%KB_SVC%" <nul >"%KB_TMP%" 2>&1
set "KB_T=%errorlevel%"
call :kb_service_settle
if "%KB_SVC_STATE%"=="1" exit /b 0
set "KB_NOTE=net stop %KB_SVC% failed (exit %KB_T%); now %KB_SVC_TEXT%"
if not "%KB_T%"=="0" exit /b 1
set /a "KB_SVC_RESTARTS+=1"
set "KB_NOTE=service %KB_SVC% was started again each time it stopped (%KB_SVC_RESTARTS% times): something on this machine restarts it"
if %KB_SVC_RESTARTS% GTR 3 exit /b 1
goto :kb_service_stop_again
:kb_service_stop_dependent_failed
set "KB_NOTE=could not stop %KB_DEP_FAILED%, which depends on %KB_SVC%"
exit /b 1
:kb_service_stop_dependent_unsafe
set "KB_NOTE=cannot stop the running dependent service(s)%KB_DEPS_UNSAFE% of %KB_SVC% safely: the name holds characters service names do not use (letters, digits and _ - . $ @ { } # only), so batch did not pass it to sc or net; nothing was stopped. Stop it by hand or use the PowerShell script"
exit /b 1
:kb_service_stop_dependent
call :kb_service_settle
if "%KB_SVC_STATE%"=="1" exit /b 0
"%KB_NET%" stop "%KB_SVC%" <nul >"%KB_TMP%" 2>&1
call :kb_service_settle
if not "%KB_SVC_STATE%"=="1" set "KB_DEP_FAILED=%KB_SVC%"
exit /b 0

:kb_service_restarts_text
rem KB_SVC_RESTARTS -> KB_SVC_RTEXT, for the result.
set "KB_SVC_RTEXT=%KB_SVC% was started again behind our back %KB_SVC_RESTARTS% time(s) right after it stopped (on Windows 10 and later UsoSvc and WaaSMedicSvc restart Windows Update) and was stopped again"
exit /b 0

:kb_service_start
rem KB_SVC -> running: a stop still pending is waited for first. errorlevel 1 with KB_NOTE when
rem it does not run.
call :kb_service_settle
if "%KB_SVC_STATE%"=="4" exit /b 0
"%KB_NET%" start "%KB_SVC%" <nul >"%KB_TMP%" 2>&1
set "KB_T=%errorlevel%"
call :kb_service_settle
if "%KB_SVC_STATE%"=="4" exit /b 0
set "KB_NOTE=net start %KB_SVC% failed (exit %KB_T%); now %KB_SVC_TEXT%"
exit /b 1

:kb_method_stop_service
rem Before a method's steps: stops KB_SVC if it runs (its dependents first). KB_SVC_STOPPED=1 when
rem this run stopped it or its dependents (or left it half stopped): they are started again after
rem the steps, whatever they did. errorlevel 1 when it could not be stopped: the method's steps
rem are then not run.
set "KB_SVC_STOPPED="
set "KB_SVC_DEPSUP="
call :kb_service_settle
if not "%KB_SVC_STATE%"=="4" goto :kb_method_stop_none
if defined KB_CHECK goto :kb_method_stop_would
call :kb_service_stop
set "KB_T=%errorlevel%"
set "KB_SVC=%KB_SVC_MAIN%"
if defined KB_SVC_DEPS set "KB_SVC_STOPPED=1"
call :kb_service_read
if not "%KB_SVC_STATE%"=="4" set "KB_SVC_STOPPED=1"
if "%KB_T%"=="0" goto :kb_method_stopped
set "KB_S_ID=%KB_M_ID%/stop-%KB_SVC%"
set "KB_NOTE=could not stop %KB_SVC%, so the steps did not run: %KB_NOTE%"
call :kb_step_failed
exit /b 1
:kb_method_stopped
set "KB_MSG=stopped the services that depend on %KB_SVC% first:%KB_SVC_DEPS%"
if defined KB_SVC_DEPS call :kb_log
set "KB_MSG=stopped service %KB_SVC% for this method; it is started again afterwards"
call :kb_log
if "%KB_SVC_RESTARTS%"=="0" exit /b 0
call :kb_service_restarts_text
set "KB_S_ID=%KB_M_ID%/stop-%KB_SVC%"
set "KB_STATUS=ok"
set "KB_NOTE=%KB_SVC_RTEXT%"
call :kb_result
exit /b 0
:kb_method_stop_none
set "KB_MSG=service %KB_SVC%: %KB_SVC_TEXT%: nothing to stop"
call :kb_log
exit /b 0
:kb_method_stop_would
set "KB_MSG=check mode: would stop service %KB_SVC% for this method and start it again afterwards"
call :kb_log
exit /b 0

:kb_method_recheck_service
rem After all of a method's services are stopped: one this method stopped that runs again (started
rem behind our back while the others stopped) is stopped again and reported; its new dependents
rem join KB_SVC_DEPSUP. errorlevel 1 when it cannot be stopped.
if not "%KB_SVC_STOPPED%"=="1" exit /b 0
call :kb_service_read
if "%KB_SVC_STATE%"=="1" exit /b 0
set "KB_MSG=service %KB_SVC% is %KB_SVC_STATETEXT% again after this method stopped it: stopping it again"
call :kb_warn
set "KB_DEPSUP_BEFORE=%KB_SVC_DEPSUP%"
call :kb_service_stop
set "KB_T=%errorlevel%"
set "KB_SVC=%KB_SVC_MAIN%"
set "KB_SVC_DEPSUP=%KB_SVC_DEPSUP% %KB_DEPSUP_BEFORE%"
set "KB_S_ID=%KB_M_ID%/stop-%KB_SVC%"
set "KB_NOTE=could not stop %KB_SVC% again, so the steps did not run: %KB_NOTE%"
if not "%KB_T%"=="0" goto :kb_method_recheck_failed
set /a "KB_SVC_RESTARTS+=1"
call :kb_service_restarts_text
set "KB_STATUS=ok"
set "KB_NOTE=%KB_SVC_RTEXT%"
call :kb_result
exit /b 0
:kb_method_recheck_failed
call :kb_step_failed
exit /b 1

:kb_method_start_service
rem After a method's steps: starts KB_SVC again when KB_SVC_STOPPED=1, then the dependents it
rem stopped (KB_SVC_DEPSUP) (docs/emitted-script-rules.md#restart-stopped-services).
if not "%KB_SVC_STOPPED%"=="1" exit /b 0
set "KB_SVC_AGAIN=%KB_SVC%"
call :kb_method_start_one
for %%d in (%KB_SVC_DEPSUP%) do (set "KB_SVC=%%d" & call :kb_method_start_one)
set "KB_SVC=%KB_SVC_AGAIN%"
exit /b 0
:kb_method_start_one
call :kb_service_start
if errorlevel 1 goto :kb_method_start_failed
set "KB_MSG=started service %KB_SVC% again"
call :kb_log
exit /b 0
:kb_method_start_failed
set "KB_S_ID=%KB_M_ID%/start-%KB_SVC%"
call :kb_step_failed
exit /b 0

:kb_method_end_service
rem At the end of a method, after the stopped services run again: KB_SVC is started whatever
rem state it was in before (KB971058 ends by starting the Windows Update services again).
if defined KB_CHECK goto :kb_method_end_would
call :kb_service_start
if errorlevel 1 goto :kb_method_end_failed
set "KB_MSG=started service %KB_SVC% at the end of the method"
call :kb_log
exit /b 0
:kb_method_end_failed
set "KB_S_ID=%KB_M_ID%/start-%KB_SVC%"
set "KB_NOTE=could not start %KB_SVC% at the end of the method: %KB_NOTE%"
call :kb_step_failed
exit /b 0
:kb_method_end_would
set "KB_MSG=check mode: would start service %KB_SVC% at the end of the method"
call :kb_log
exit /b 0
