rem ---- methods: skipped, not applicable, or run; with escalate, detection after each ----
:kb_method_begin
rem The method in KB_M_* (its applicability checked just before) -> KB_M_RUN=1 when it runs.
rem Skipped and recorded: the escalation is done, not selected by a method argument, tried by an
rem earlier run whose evidence came back (runtime/ladder), high risk without highrisk; recorded as
rem not-applicable where it does not apply.
set "KB_M_RUN=0"
set "KB_M_CHANGED="
set "KB_M_MANUAL="
set "KB_S_ID=%KB_M_ID%"
set "KB_MSG=---- method %KB_M_NUM% of the article: %KB_M_ID% (risk %KB_M_RISK%, restart %KB_M_REBOOT%) ----"
if defined KB_M_TITLE set "KB_MSG=%KB_MSG% %KB_M_TITLE%"
call :kb_log
set "KB_STATUS=skipped"
set "KB_NOTE=the evidence was gone after an earlier method (strategy escalate)"
if "%KB_DONE%"=="1" goto :kb_method_record
set "KB_NOTE=method %KB_STOPPED_BY% failed: no later method runs on a machine left in an unknown state"
if defined KB_STOPPED_BY goto :kb_method_record
set "KB_NOTE=not selected by a method argument"
if defined KB_SELECTING if not "%KB_M_SELECTED%"=="1" goto :kb_method_record
set "KB_NOTE=tried up to method %KB_LADDER_ID% in an earlier run (within the last 30 days), the article's last; the evidence came back and no method is left to try (the argument method ID repeats one)"
if defined KB_LADDER_EXHAUSTED goto :kb_method_record
set "KB_NOTE=tried up to method %KB_LADDER_ID% in an earlier run (within the last 30 days); the evidence came back, so the article's next method runs"
if defined KB_LADDER_RESUME if %KB_M_POS% LEQ %KB_LADDER_RESUME% goto :kb_method_record
set "KB_STATUS=not-applicable"
set "KB_NOTE=%KB_NA_REASON%"
if not "%KB_APPLICABLE%"=="1" goto :kb_method_record
set "KB_STATUS=skipped"
set "KB_NOTE=high risk: runs only with the argument highrisk"
if "%KB_M_RISK%"=="high" if not defined KB_HIGHRISK goto :kb_method_record
set "KB_M_RUN=1"
set "KB_M_FAILED_BEFORE=%KB_N_FAILED%"
exit /b 0
:kb_method_record
call :kb_result
exit /b 0

:kb_method_end
rem After a method: remember a restart it asks for and, for the ladder, the method that really
rem changed something; move the evidence baseline once something really changed, and with strategy escalate detect again and stop once it is clean. A method
rem that changed nothing (check mode, all ok, manual) leaves the evidence as it was.
if not "%KB_M_RUN%"=="1" exit /b 0
rem A failed method stops the ladder: escalating on a machine in an unknown state does damage.
if not defined KB_STOPPED_BY if %KB_N_FAILED% GTR %KB_M_FAILED_BEFORE% set "KB_STOPPED_BY=%KB_M_ID%"
if defined KB_M_MANUAL set "KB_ANY_MANUAL=1"
if not defined KB_M_CHANGED exit /b 0
set "KB_ANY_CHANGED=1"
set "KB_LADDER_NEW=%KB_M_ID%"
if "%KB_M_REBOOT%"=="soft" if not "%KB_REBOOT%"=="hard" set "KB_REBOOT=soft"
if "%KB_M_REBOOT%"=="hard" set "KB_REBOOT=hard"
call :kb_move_baseline
if not "%KB_STRATEGY%"=="escalate" exit /b 0
set "KB_MSG=---- evidence after method %KB_M_NUM% ----"
call :kb_log
call :kb_detect
if "%KB_EV_DETECTION%"=="1" exit /b 0
set "KB_DONE=1"
set "KB_MSG=the evidence is gone after method %KB_M_NUM%: the remaining methods are skipped (strategy escalate)"
if "%KB_EV_DETECTION%"=="X" set "KB_MSG=the evidence is no longer certain after method %KB_M_NUM% (a probe only the PowerShell script checks decides it): the remaining methods are skipped (strategy escalate)"
call :kb_log
exit /b 0

:kb_step_not_applicable
set "KB_STATUS=not-applicable"
set "KB_NOTE=%KB_NA_REASON%"
call :kb_result
exit /b 0
