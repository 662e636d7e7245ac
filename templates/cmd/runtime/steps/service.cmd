:kb_step_service
rem A service's start type (KB_WANT_START 2 automatic, 3 manual, 4 disabled, 5 automatic with a
rem delayed start, 0 = leave it) and state (KB_WANT_STATE), like win_service: a state step
rem (:kb_state_step) that changes what differs (sc config, net start, net stop). KB_SVC_NOTDISABLED=1:
rem only a disabled service is changed, to KB_WANT_START (Windows' own start type for this NT
rem version, set by the step from the compiler's table; 0 when the table has none for it).
set "KB_ST_READ=kb_service_state_read" & set "KB_ST_TEST=kb_service_state_test" & set "KB_ST_SET=kb_service_state_set" & set "KB_ST_AGAIN=kb_service_state_again"
goto :kb_state_step
:kb_service_state_read
call :kb_service_settle
set "KB_NOTE=service %KB_SVC% cannot be read (not installed?)"
if not defined KB_SVC_STATE set "KB_ST_END=failed"
if defined KB_ST_END exit /b 0
set "KB_NOTE="
set "KB_ST_NOW=%KB_SVC_TEXT%"
if not "%KB_SVC_NOTDISABLED%"=="1" exit /b 0
if not "%KB_SVC_START%"=="4" set "KB_WANT_START=0"
set "KB_NOTE=the start type Windows ships for %KB_SVC% on NT %KB_NTTEXT% is not known to kbfix: set startType to automatic, automatic-delayed or manual"
if "%KB_WANT_START%"=="0" if "%KB_SVC_START%"=="4" set "KB_ST_END=failed"
if defined KB_ST_END exit /b 0
set "KB_NOTE="
exit /b 0
:kb_service_state_test
call :kb_service_differs
set "KB_ST_SAME=1"
if defined KB_SVC_DIFF set "KB_ST_SAME=0"
set "KB_ST_WANT=%KB_WANT_TEXT%"
set "KB_ST_MISS=did not stick: wanted %KB_WANT_TEXT%"
exit /b 0
:kb_service_state_set
if "%KB_WANT_START%"=="0" goto :kb_step_service_state
if "%KB_SVC_START%"=="%KB_WANT_START%" goto :kb_step_service_state
set "KB_WANT_STARTWORD=auto"
if "%KB_WANT_START%"=="3" set "KB_WANT_STARTWORD=demand"
if "%KB_WANT_START%"=="4" set "KB_WANT_STARTWORD=disabled"
if "%KB_WANT_START%"=="5" set "KB_WANT_STARTWORD=delayed-auto"
"%KB_SC%" config "%KB_SVC%" start= %KB_WANT_STARTWORD% >"%KB_TMP%" 2>&1
set "KB_T=%errorlevel%"
set "KB_NOTE=sc config %KB_SVC% start= %KB_WANT_STARTWORD% failed (exit %KB_T%)"
if not "%KB_T%"=="0" set "KB_ST_END=failed"
if defined KB_ST_END exit /b 0
:kb_step_service_state
set "KB_SVC_NOTE="
if "%KB_WANT_STATE%"=="running" if not "%KB_SVC_STATE%"=="4" call :kb_service_start
if "%KB_WANT_STATE%"=="stopped" if not "%KB_SVC_STATE%"=="1" call :kb_step_service_stop
set "KB_NOTE=%KB_SVC_NOTE%"
exit /b 0
:kb_service_state_again
call :kb_service_read
set "KB_ST_NOW=%KB_SVC_TEXT%"
exit /b 0

:kb_step_service_stop
rem Dependents stopped with it stay stopped (starting them would start it again); both they and
rem a restart behind our back go into the step's note.
call :kb_service_stop
set "KB_SVC=%KB_SVC_MAIN%"
if defined KB_SVC_DEPS set "KB_SVC_NOTE=stopped the services that depend on it too, which stay stopped:%KB_SVC_DEPS%"
if "%KB_SVC_RESTARTS%"=="0" exit /b 0
call :kb_service_restarts_text
if defined KB_SVC_NOTE set "KB_SVC_NOTE=%KB_SVC_NOTE%; "
set "KB_SVC_NOTE=%KB_SVC_NOTE%%KB_SVC_RTEXT%"
exit /b 0

:kb_service_differs
set "KB_SVC_DIFF="
set "KB_WANT_TEXT="
if not "%KB_WANT_START%"=="0" if not "%KB_SVC_START%"=="%KB_WANT_START%" set "KB_SVC_DIFF=1"
if "%KB_WANT_STATE%"=="running" if not "%KB_SVC_STATE%"=="4" set "KB_SVC_DIFF=1"
if "%KB_WANT_STATE%"=="stopped" if not "%KB_SVC_STATE%"=="1" set "KB_SVC_DIFF=1"
if "%KB_WANT_START%"=="2" set "KB_WANT_TEXT=start type automatic"
if "%KB_WANT_START%"=="3" set "KB_WANT_TEXT=start type manual"
if "%KB_WANT_START%"=="4" set "KB_WANT_TEXT=start type disabled"
if "%KB_WANT_START%"=="5" set "KB_WANT_TEXT=start type automatic (delayed start)"
if defined KB_WANT_TEXT if defined KB_WANT_STATE set "KB_WANT_TEXT=%KB_WANT_TEXT%, "
set "KB_WANT_TEXT=%KB_WANT_TEXT%%KB_WANT_STATE%"
exit /b 0
