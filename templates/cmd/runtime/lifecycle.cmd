rem ---- The life of a state step, as Invoke-KbStateStep runs it in the .ps1 ----
:kb_state_step
rem guard -> read -> compare -> check mode -> set -> read again -> compare -> one record. A
rem state kind's entry names its labels and comes here (registry-value calls
rem :kb_state_change itself, between loading a profile's hive and unloading it):
rem   KB_ST_READ   reads the state: KB_ST_NOW, its text; or ends the step, KB_ST_END ok or failed
rem                with KB_NOTE (a path that does not exist, a service that is not installed);
rem   KB_ST_TEST   compares: KB_ST_SAME=1 when it is as wanted, KB_ST_WANT the state it would
rem                write, KB_ST_MISS the note when a change did not stick;
rem   KB_ST_SET    changes it: KB_ST_END=failed with KB_NOTE when the tool failed; a note it
rem                leaves in KB_NOTE stays on the record when the change held;
rem   KB_ST_AGAIN  reads it again after the change (KB_ST_NOW).
call :kb_guard_check
if errorlevel 1 exit /b 0
call :kb_state_change
call :kb_result
exit /b 0

:kb_state_change
rem The lifecycle without the guard and the record: sets KB_STATUS, KB_BEFORE, KB_AFTER, KB_NOTE.
set "KB_ST_END="
set "KB_NOTE="
call :%KB_ST_READ%
if defined KB_ST_END goto :kb_state_end
set "KB_BEFORE=%KB_ST_NOW%"
call :%KB_ST_TEST%
set "KB_STATUS=ok"
if "%KB_ST_SAME%"=="1" exit /b 0
set "KB_AFTER=%KB_ST_WANT%"
set "KB_STATUS=changed"
rem Check mode: a record of what would change; nothing is changed.
if defined KB_CHECK exit /b 0
call :%KB_ST_SET%
if defined KB_ST_END goto :kb_state_end
call :%KB_ST_AGAIN%
call :%KB_ST_TEST%
set "KB_AFTER=%KB_ST_NOW%"
if "%KB_ST_SAME%"=="1" exit /b 0
set "KB_STATUS=failed"
set "KB_NOTE=%KB_ST_MISS%"
exit /b 0
:kb_state_end
set "KB_STATUS=%KB_ST_END%"
exit /b 0
