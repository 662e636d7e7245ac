rem ---- completion: verification, the outcome, its exit code and the recap line ----
:kb_detect_before
set "KB_MSG=---- evidence before any change ----"
call :kb_log
set "KB_DETECT_FIRST=1"
call :kb_detect
set "KB_DETECT_FIRST="
set "KB_EV_BEFORE=%KB_EV_DETECTION%"
exit /b 0

:kb_complete
set "KB_MSG=---- verification: the evidence after the methods ----"
call :kb_log
set "KB_DETECT_FINAL=1"
call :kb_detect
set "KB_DETECT_FINAL="
if "%KB_EV_DETECTION%"=="0" call :kb_state_save_clean
if "%KB_EV_DETECTION%"=="N" call :kb_state_save_clean
rem Undecided after a method changed something: what it acted on is history, as on a clean run
rem (else the next run would act on it again); undecided with nothing changed saves nothing.
if "%KB_EV_DETECTION%"=="X" if defined KB_BASELINE_MOVED call :kb_state_save_clean
if defined KB_FAILED_IDS goto :kb_outcome_failed
if "%KB_EV_DETECTION%"=="1" goto :kb_outcome_present
rem Undecided (X): a probe only the PowerShell script checks decides whether the evidence is
rem gone, so not Fixed.
if "%KB_EV_DETECTION%"=="X" goto :kb_outcome_unchecked
set "KB_OUTCOME=Fixed"
set "KB_RC=%KB_EXIT_Fixed%"
if "%KB_REBOOT%"=="soft" set "KB_OUTCOME=FixedSoftReboot"
if "%KB_REBOOT%"=="soft" set "KB_RC=%KB_EXIT_FixedSoftReboot%"
if "%KB_REBOOT%"=="hard" set "KB_OUTCOME=FixedHardReboot"
if "%KB_REBOOT%"=="hard" set "KB_RC=%KB_EXIT_FixedHardReboot%"
goto :kb_finish
:kb_outcome_failed
set "KB_OUTCOME=StepFailed"
set "KB_RC=%KB_EXIT_StepFailed%"
goto :kb_finish
:kb_outcome_present
set "KB_OUTCOME=StillPresent"
set "KB_RC=%KB_EXIT_StillPresent%"
rem As the PowerShell script under -WhatIf: a step that would change something leaves the
rem evidence standing (StillPresent); otherwise a manual step is what is left to do.
if defined KB_CHECK if not "%KB_N_CHANGED%"=="0" goto :kb_finish
if not defined KB_ANY_MANUAL goto :kb_finish
set "KB_OUTCOME=ManualActionNeeded"
set "KB_RC=%KB_EXIT_ManualActionNeeded%"
goto :kb_finish

:kb_outcome_unchecked
rem The evidence is undecided (X): a probe only the PowerShell script checks decides it, so not
rem Compliant or Fixed, which this script cannot know.
set "KB_MSG=the evidence is undecided: %KB_N_UNCHECKED% probe(s) only the PowerShell script checks decide it; run the PowerShell script"
call :kb_warn
set "KB_OUTCOME=ManualActionNeeded"
set "KB_RC=%KB_EXIT_ManualActionNeeded%"
goto :kb_finish

:kb_compliant
rem No evidence before any change: nothing is run, nothing is changed.
if "%KB_EV_BEFORE%"=="X" goto :kb_outcome_unchecked
call :kb_state_save_clean
set "KB_OUTCOME=Compliant"
set "KB_RC=%KB_EXIT_Compliant%"
goto :kb_finish

:kb_not_applicable
set "KB_MSG=not applicable: %KB_NA_REASON%"
call :kb_warn
set "KB_OUTCOME=NotApplicable"
set "KB_RC=%KB_EXIT_NotApplicable%"
goto :kb_finish

:kb_state_save_clean
rem Clean now: this run's sizes and record ids become the baseline (not in check mode).
if defined KB_CHECK exit /b 0
call :kb_state_save
exit /b 0

:kb_finish
set "KB_RECAP=kbfix %KB_ID%: %KB_OUTCOME% (exit %KB_RC%); ok %KB_N_OK%, changed %KB_N_CHANGED%, skipped %KB_N_SKIPPED%, failed %KB_N_FAILED%, not-applicable %KB_N_NA%, manual %KB_N_MANUAL%"
if defined KB_FAILED_IDS set "KB_RECAP=%KB_RECAP%; failed:%KB_FAILED_IDS%"
if not "%KB_N_UNKNOWN%"=="0" set "KB_RECAP=%KB_RECAP%; %KB_N_UNKNOWN% evidence probe(s) the batch script cannot check"
if defined KB_CHECK set "KB_RECAP=%KB_RECAP%; check mode: nothing was changed"
set "KB_RECAP=%KB_RECAP%; log %KB_LOGFILE%"
set "KB_MSG=%KB_RECAP%"
set "KB_LVL=info"
if defined KB_FAILED_IDS set "KB_LVL=error"
call :kb_log
del /f /q "%KB_TMP%" "%KB_TMPLIST%" "%KB_TMPPROF%" "%KB_TMPALL%" "%KB_TMPNEXT%" >nul 2>&1
exit /b 0
