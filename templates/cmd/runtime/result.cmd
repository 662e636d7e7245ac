rem ---- result: one record per step, the counts for the recap, <id>.fix.result.txt ----
:kb_step_failed
rem Shared ending of a step: failed with KB_NOTE.
set "KB_STATUS=failed"
call :kb_result
exit /b 0

:kb_step_ok
set "KB_STATUS=ok"
call :kb_result
exit /b 0

:kb_result
rem KB_S_ID, KB_STATUS (ok, changed, skipped, failed, not-applicable, manual), KB_BEFORE,
rem KB_AFTER, KB_NOTE. Inside a per-user step the id is <id>@<profile>. A changed record in
rem check mode is a prediction: nothing was changed. A step with a verify probe (KB_VERIFY, its
rem id) that changed something is held until the probe has looked (:kb_verify_end).
if defined KB_VERIFY if "%KB_STATUS%"=="changed" if defined KB_CHECK set "KB_NOTE=%KB_NOTE%; then verify that %KB_VERIFY% finds no problem"
if defined KB_VERIFY if "%KB_STATUS%"=="changed" if not defined KB_CHECK goto :kb_result_hold
set "KB_RID=%KB_S_ID%"
if defined KB_PROFILE_LABEL set "KB_RID=%KB_S_ID%@%KB_PROFILE_LABEL%"
if "%KB_STATUS%"=="ok" set /a "KB_N_OK+=1"
if "%KB_STATUS%"=="changed" set /a "KB_N_CHANGED+=1"
if "%KB_STATUS%"=="skipped" set /a "KB_N_SKIPPED+=1"
if "%KB_STATUS%"=="failed" set /a "KB_N_FAILED+=1"
if "%KB_STATUS%"=="not-applicable" set /a "KB_N_NA+=1"
if "%KB_STATUS%"=="manual" set /a "KB_N_MANUAL+=1"
if "%KB_STATUS%"=="failed" set "KB_FAILED_IDS=%KB_FAILED_IDS% %KB_RID%"
if "%KB_STATUS%"=="manual" set "KB_M_MANUAL=1"
if "%KB_STATUS%"=="changed" if not defined KB_CHECK set "KB_M_CHANGED=1"
set "KB_LVL=info"
if "%KB_STATUS%"=="failed" set "KB_LVL=error"
if "%KB_STATUS%"=="not-applicable" set "KB_LVL=warn"
set "KB_WHATIF="
if defined KB_CHECK if "%KB_STATUS%"=="changed" set "KB_WHATIF= (check mode: would change; nothing was changed)"
setlocal EnableDelayedExpansion
set "KB_MSG=[!KB_RID!] !KB_STATUS!!KB_WHATIF!"
if defined KB_BEFORE set "KB_MSG=!KB_MSG!; before: !KB_BEFORE!"
if defined KB_AFTER set "KB_MSG=!KB_MSG!; after: !KB_AFTER!"
if defined KB_NOTE set "KB_MSG=!KB_MSG!; !KB_NOTE!"
call :kb_log
set "KB_T=0"
if defined KB_CHECK set "KB_T=1"
if defined KB_RESULTFILE >>"!KB_RESULTFILE!" echo.step=!KB_RID! method=!KB_M_ID! status=!KB_STATUS! check=!KB_T!
endlocal
set "KB_LVL=info"
set "KB_BEFORE="
set "KB_AFTER="
set "KB_NOTE="
exit /b 0

:kb_result_hold
set "KB_HELD=1"
set "KB_H_BEFORE=%KB_BEFORE%"
set "KB_H_AFTER=%KB_AFTER%"
set "KB_H_NOTE=%KB_NOTE%"
set "KB_BEFORE="
set "KB_AFTER="
set "KB_NOTE="
exit /b 0

:kb_verify_end
rem The held record of a step that changed something, once its verify probe has looked
rem (KB_V_PR: 1 the problem is still there, U it could not look, 0 clean; KB_E_ID, KB_PD): the
rem step failed unless the probe finds no problem, as a state step that reads back another value.
set "KB_HELD="
set "KB_STATUS=changed"
set "KB_BEFORE=%KB_H_BEFORE%"
set "KB_AFTER=%KB_H_AFTER%"
set "KB_NOTE=%KB_H_NOTE%; verified: %KB_E_ID% finds no problem"
if "%KB_V_PR%"=="1" set "KB_STATUS=failed"
if "%KB_V_PR%"=="1" set "KB_NOTE=did not stick: %KB_E_ID% still finds the problem: %KB_PD%; %KB_H_NOTE%"
if "%KB_V_PR%"=="U" set "KB_STATUS=failed"
if "%KB_V_PR%"=="U" set "KB_NOTE=could not verify with %KB_E_ID%: %KB_PD%; %KB_H_NOTE%"
call :kb_result
exit /b 0
