:kb_step_clear_folder
rem Empties KB_PATH of the entries matching KB_PATTERN and keeps the folder. KB_BACKUP=1: the
rem entries move into a new sibling folder <folder>.kbfix-backup-N instead of being deleted.
rem Desired state "nothing matches", a state step (:kb_state_step): a second run finds nothing
rem and reports ok, as does a folder that does not exist.
set "KB_ST_READ=kb_clear_read" & set "KB_ST_TEST=kb_count_test" & set "KB_ST_SET=kb_clear_set" & set "KB_ST_AGAIN=kb_clear_again"
set "KB_FILESONLY=0"
set "KB_UNITS=entry(s)"
goto :kb_state_step
:kb_clear_read
rem Nothing to clear ends the step ok here, with its own note; the note left otherwise is what a
rem check-mode record says would be done.
set "KB_NOTE_MISSING=nothing to clear"
call :kb_folder_read
if defined KB_ST_END exit /b 0
call :kb_count_entries
set "KB_NOTE=nothing in %KB_PATH% matches %KB_PATTERN%"
if "%KB_COUNT%"=="0" set "KB_ST_END=ok"
if defined KB_ST_END exit /b 0
set "KB_ST_NOW=%KB_COUNT% entry(s) in %KB_PATH%"
set "KB_NOTE=deletes them"
if "%KB_BACKUP%"=="1" set "KB_NOTE=moves them to a new backup folder beside it"
exit /b 0
:kb_clear_set
set "KB_BACKUPDIR="
if "%KB_BACKUP%"=="1" call :kb_backup_folder
if "%KB_BACKUP%"=="1" if not defined KB_BACKUPDIR set "KB_ST_END=failed"
if defined KB_ST_END exit /b 0
for /f "usebackq eol=| delims=" %%L in ("%KB_TMPLIST%") do (set "KB_V=%%L" & call :kb_clear_entry)
set "KB_NOTE=deleted"
if "%KB_BACKUP%"=="1" set "KB_NOTE=moved to %KB_BACKUPDIR%"
exit /b 0
:kb_clear_again
call :kb_count_entries
set "KB_ST_NOW=%KB_COUNT% entry(s)"
if "%KB_COUNT%"=="0" set "KB_ST_NOW=none"
exit /b 0

:kb_count_entries
set /a "KB_COUNT=0"
call :kb_list
for /f "usebackq eol=| delims=" %%L in ("%KB_TMPLIST%") do set /a "KB_COUNT+=1"
exit /b 0

:kb_backup_folder
rem A new numbered sibling folder: <folder>.kbfix-backup-1, -2, ...
call :kb_split
set "KB_NAME=%KB_LEAF%.kbfix-backup"
set "KB_SEP=-"
set "KB_NUMBERED=1"
set "KB_NOTE=no free backup folder name beside %KB_PATH%"
call :kb_free_name
if errorlevel 1 exit /b 1
set "KB_T=%KB_DIR%\%KB_FREE%"
mkdir "%KB_T%" >nul 2>&1
set "KB_NOTE=cannot create %KB_T%"
if not exist "%KB_T%\" exit /b 1
set "KB_BACKUPDIR=%KB_T%"
exit /b 0

:kb_clear_entry
rem One listed name: moved to the backup folder, or deleted (rd for folders: a junction is
rem removed, not followed, from Vista on). A name dir could not show in the console's code page
rem (with ?) is left alone: deleting it would be a wildcard. So is one with a double quote (no
rem Windows file name has one): kb_machine_name says so in the log.
call :kb_machine_name
if errorlevel 1 exit /b 0
if not "%KB_V:?=%"=="%KB_V%" exit /b 0
set "KB_E=%KB_PATH%\%KB_V%"
if "%KB_BACKUP%"=="1" move /y "%KB_E%" "%KB_BACKUPDIR%\" >nul 2>&1
if "%KB_BACKUP%"=="1" exit /b 0
set "KB_EA="
for %%A in ("%KB_E%") do set "KB_EA=%%~aA"
if not defined KB_EA exit /b 0
if "%KB_EA:~0,1%"=="d" rd /s /q "%KB_E%" >nul 2>&1
if not "%KB_EA:~0,1%"=="d" del /f /q /a "%KB_E%" >nul 2>&1
exit /b 0
