:kb_probe_service_state
rem A service with one of the bad start types (KB_BAD2/3/4) or states (stopped, running).
rem A service that is not installed is no evidence.
set "KB_PR=0"
call :kb_service_read
set "KB_PD=service %KB_SVC%: %KB_SVC_TEXT%"
if not defined KB_SVC_STATE goto :kb_probe_report
if "%KB_SVC_START%"=="2" if "%KB_BAD2%"=="1" set "KB_PR=1"
if "%KB_SVC_START%"=="3" if "%KB_BAD3%"=="1" set "KB_PR=1"
if "%KB_SVC_START%"=="4" if "%KB_BAD4%"=="1" set "KB_PR=1"
if "%KB_SVC_STATE%"=="1" if "%KB_BADSTOPPED%"=="1" set "KB_PR=1"
if "%KB_SVC_STATE%"=="4" if "%KB_BADRUNNING%"=="1" set "KB_PR=1"
goto :kb_probe_report
