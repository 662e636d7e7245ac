:kb_step_delete_files
rem Deletes the files (not folders) in KB_PATH whose names match KB_PATTERN; KB_BACKUP=1 renames
rem each to <name>.kbfix-bak (.1, .2 when taken) instead. Desired state "no file matches"
rem (backups excluded), a state step (:kb_state_step): a second run finds nothing and reports ok.
set "KB_ST_READ=kb_delete_read" & set "KB_ST_TEST=kb_count_test" & set "KB_ST_SET=kb_delete_set" & set "KB_ST_AGAIN=kb_delete_again"
set "KB_UNITS=file(s)"
goto :kb_state_step
:kb_delete_read
rem As :kb_clear_read: nothing to delete ends the step ok; otherwise the check-mode note.
set "KB_NOTE_MISSING=nothing to delete"
call :kb_folder_read
if defined KB_ST_END exit /b 0
call :kb_count_files
set "KB_NOTE=no file in %KB_PATH% matches %KB_PATTERN%"
if "%KB_COUNT%"=="0" set "KB_ST_END=ok"
if defined KB_ST_END exit /b 0
set "KB_ST_NOW=%KB_COUNT% file(s) matching %KB_PATTERN% in %KB_PATH%"
set "KB_NOTE=deletes them"
if "%KB_BACKUP%"=="1" set "KB_NOTE=renames them to *.kbfix-bak"
exit /b 0
:kb_delete_set
for /f "usebackq eol=| delims=" %%L in ("%KB_TMPLIST%") do (set "KB_V=%%L" & call :kb_delete_entry)
set "KB_NOTE=deleted"
if "%KB_BACKUP%"=="1" set "KB_NOTE=renamed to *.kbfix-bak"
exit /b 0
:kb_delete_again
call :kb_count_files
set "KB_ST_NOW=%KB_COUNT% file(s)"
if "%KB_COUNT%"=="0" set "KB_ST_NOW=none"
exit /b 0

:kb_count_files
rem Lists the matching files into KB_TMPLIST; KB_COUNT leaves out earlier backups.
set /a "KB_COUNT=0"
set "KB_FILESONLY=1"
call :kb_list
for /f "usebackq eol=| delims=" %%L in ("%KB_TMPLIST%") do (set "KB_V=%%L" & call :kb_count_file)
exit /b 0
:kb_count_file
call :kb_dequote
if "%KB_BACKUP%"=="1" if not "%KB_V:.kbfix-bak=%"=="%KB_V%" exit /b 0
set /a "KB_COUNT+=1"
exit /b 0

:kb_delete_entry
call :kb_machine_name
if errorlevel 1 exit /b 0
if "%KB_BACKUP%"=="1" if not "%KB_V:.kbfix-bak=%"=="%KB_V%" exit /b 0
if not "%KB_V:?=%"=="%KB_V%" exit /b 0
set "KB_E=%KB_PATH%\%KB_V%"
if not "%KB_BACKUP%"=="1" del /f /q /a "%KB_E%" >nul 2>&1
if not "%KB_BACKUP%"=="1" exit /b 0
set "KB_DIR=%KB_PATH%"
set "KB_NAME=%KB_V%.kbfix-bak"
set "KB_SEP=."
set "KB_NUMBERED=0"
call :kb_free_name
if errorlevel 1 exit /b 0
ren "%KB_E%" "%KB_FREE%" >nul 2>&1
exit /b 0
