rem ---- The life of a one-shot step, as Invoke-KbOneShotStep runs it in the .ps1 ----
:kb_oneshot_step
rem guard -> plan -> check mode -> act -> one record. A one-shot kind (a change with no state to
rem compare first: a rename, a program run) names its labels and comes here:
rem   KB_OS_PLAN  works out what would be done: KB_BEFORE, KB_AFTER and KB_NOTE for the record;
rem               or ends the step, KB_OS_END ok or failed with KB_NOTE (nothing to do, a
rem               missing program);
rem   KB_OS_ACT   does it and checks that it took: KB_OS_END=failed with KB_NOTE when it did not;
rem               a note it leaves in KB_NOTE stays on the record.
call :kb_guard_check
if errorlevel 1 exit /b 0
set "KB_OS_END="
set "KB_NOTE="
call :%KB_OS_PLAN%
if defined KB_OS_END goto :kb_oneshot_end
set "KB_STATUS=changed"
rem Check mode: a record of what would be done; nothing is done.
if not defined KB_CHECK call :%KB_OS_ACT%
if defined KB_OS_END goto :kb_oneshot_end
call :kb_result
exit /b 0
:kb_oneshot_end
set "KB_STATUS=%KB_OS_END%"
call :kb_result
exit /b 0
