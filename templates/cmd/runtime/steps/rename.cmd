:kb_step_rename
rem Renames KB_PATH to KB_NEWNAME in place; when that name is taken, to KB_NEWNAME.1, .2, ...
rem A missing source is ok (nothing to rename). Read again: the source is gone, the new name there.
set "KB_OS_PLAN=kb_rename_plan" & set "KB_OS_ACT=kb_rename_act"
goto :kb_oneshot_step
:kb_rename_plan
call :kb_resolve
if errorlevel 1 set "KB_OS_END=failed"
if defined KB_OS_END exit /b 0
set "KB_NOTE=%KB_PATH% does not exist: nothing to rename"
if "%KB_KIND%"=="none" set "KB_OS_END=ok"
if defined KB_OS_END exit /b 0
call :kb_split
set "KB_NAME=%KB_NEWNAME%"
set "KB_SEP=."
set "KB_NUMBERED=0"
set "KB_NOTE=no free name for %KB_NEWNAME% in %KB_DIR%"
call :kb_free_name
if errorlevel 1 set "KB_OS_END=failed"
if defined KB_OS_END exit /b 0
set "KB_BEFORE=%KB_PATH%"
set "KB_AFTER=%KB_DIR%\%KB_FREE%"
set "KB_NOTE="
exit /b 0
:kb_rename_act
ren "%KB_PATH%" "%KB_FREE%" >nul 2>&1
call :kb_kind
set "KB_NOTE=ren did not rename it (in use?)"
if not "%KB_KIND%"=="none" set "KB_OS_END=failed"
if defined KB_OS_END exit /b 0
set "KB_PATH=%KB_DIR%\%KB_FREE%"
call :kb_kind
if "%KB_KIND%"=="none" set "KB_OS_END=failed"
if defined KB_OS_END exit /b 0
set "KB_NOTE="
exit /b 0
