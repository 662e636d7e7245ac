rem ---- paths: every path starts at a checked base (docs/emitted-script-rules.md#safe-destructive-paths) ----
:kb_resolve
rem KB_B (the base's value), KB_BN (its name), KB_REL (segments below it, checked when the
rem playbook was compiled), KB_BELOW=1 (must be strictly below the base), KB_DRIVE=1 (the base
rem is a drive such as C:, SystemDrive) -> KB_PATH. Refuses an empty base, a relative or device
rem path, a drive or share root, and '..' (errorlevel 1, the reason in KB_NOTE): a missing windir
rem never turns \System32\catroot2 into a relative path.
set "KB_PATH="
if not defined KB_B goto :kb_resolve_empty
if "%KB_DRIVE%"=="1" goto :kb_resolve_drive
if "%KB_B:~-1%"=="\" set "KB_B=%KB_B:~0,-1%"
if not defined KB_B goto :kb_resolve_root
if not "%KB_B:\..=%"=="%KB_B%" goto :kb_resolve_not_full
rem Padded before taking characters: Wine reads past the end of a shorter value.
set "KB_PB=%KB_B%####"
if "%KB_PB:~1,2%"==":\" goto :kb_resolve_join
if not "%KB_PB:~0,2%"=="\\" goto :kb_resolve_not_full
if "%KB_PB:~2,1%"=="?" goto :kb_resolve_not_full
if "%KB_PB:~2,1%"=="." goto :kb_resolve_not_full
set "KB_T="
for /f "tokens=3 delims=\" %%c in ("%KB_B%") do set "KB_T=%%c"
if not defined KB_T goto :kb_resolve_root
:kb_resolve_join
set "KB_PATH=%KB_B%"
if defined KB_REL set "KB_PATH=%KB_B%\%KB_REL%"
if not defined KB_REL if "%KB_BELOW%"=="1" goto :kb_resolve_is_base
goto :kb_kind
:kb_resolve_drive
rem A drive letter and its colon (a trailing backslash tolerated), nothing else; the path always
rem names a folder below the drive's root.
set "KB_PB=%KB_B%####"
if "%KB_PB:~1,5%"==":\####" set "KB_PB=%KB_PB:~0,2%####"
if not "%KB_PB:~1,5%"==":####" goto :kb_resolve_not_drive
set "KB_T="
for %%L in (A B C D E F G H I J K L M N O P Q R S T U V W X Y Z) do if /i "%KB_PB:~0,1%"=="%%L" set "KB_T=%%L"
if not defined KB_T goto :kb_resolve_not_drive
if not defined KB_REL goto :kb_resolve_root
set "KB_PATH=%KB_PB:~0,2%\%KB_REL%"
goto :kb_kind
:kb_resolve_not_drive
set "KB_NOTE=%KB_BN% is not a drive letter: %KB_B%"
exit /b 1
:kb_resolve_empty
set "KB_NOTE=%KB_BN% is not set"
exit /b 1
:kb_resolve_root
set "KB_NOTE=%KB_BN% is a drive or share root"
exit /b 1
:kb_resolve_not_full
set "KB_NOTE=%KB_BN% is not a full path: %KB_B%"
exit /b 1
:kb_resolve_is_base
set "KB_NOTE=this step may not act on %KB_BN% itself: %KB_B%"
exit /b 1

:kb_kind
rem KB_PATH -> KB_KIND: dir, file or none, and KB_ATTRS (the attribute letters: d r a h s ...).
rem By attributes, so hidden and system entries count too.
set "KB_KIND=none"
set "KB_ATTRS="
for %%A in ("%KB_PATH%") do set "KB_ATTRS=%%~aA"
if not defined KB_ATTRS exit /b 0
set "KB_KIND=file"
if "%KB_ATTRS:~0,1%"=="d" set "KB_KIND=dir"
exit /b 0

:kb_split
rem KB_PATH -> KB_DIR (its folder, no trailing backslash) and KB_LEAF (its name).
for %%A in ("%KB_PATH%") do set "KB_DIR=%%~dpA"
for %%A in ("%KB_PATH%") do set "KB_LEAF=%%~nxA"
if "%KB_DIR:~-1%"=="\" set "KB_DIR=%KB_DIR:~0,-1%"
exit /b 0

:kb_free_name
rem KB_DIR, KB_NAME -> KB_FREE: KB_NAME when nothing has it, else KB_NAME<KB_SEP>1, 2, ...
rem (KB_NUMBERED=1: always numbered), so a second run never fails on a name the first took.
set "KB_FREE=%KB_NAME%"
set /a "KB_FN=0"
if "%KB_NUMBERED%"=="1" goto :kb_free_next
:kb_free_test
set "KB_FA="
for %%A in ("%KB_DIR%\%KB_FREE%") do set "KB_FA=%%~aA"
if not defined KB_FA exit /b 0
:kb_free_next
set /a "KB_FN+=1"
if %KB_FN% GTR 9999 exit /b 1
set "KB_FREE=%KB_NAME%%KB_SEP%%KB_FN%"
goto :kb_free_test

:kb_list
rem Names in KB_PATH matching KB_PATTERN (hidden and system ones too; KB_FILESONLY=1: files
rem only) -> KB_TMPLIST, one per line. Wildcards follow dir's rules (8.3 names can match too).
if "%KB_FILESONLY%"=="1" dir /b /a:-d "%KB_PATH%\%KB_PATTERN%" >"%KB_TMPLIST%" 2>nul
if not "%KB_FILESONLY%"=="1" dir /b /a "%KB_PATH%\%KB_PATTERN%" >"%KB_TMPLIST%" 2>nul
exit /b 0

:kb_folder_read
rem The folder of a state step that lists entries (clear-folder, delete-files): KB_PATH, or the
rem step's end with KB_NOTE: failed for a path that cannot be used or is a file, ok for a folder
rem that does not exist (KB_NOTE_MISSING says why that is fine).
call :kb_resolve
if errorlevel 1 set "KB_ST_END=failed"
if defined KB_ST_END exit /b 0
set "KB_NOTE=%KB_PATH% does not exist: %KB_NOTE_MISSING%"
if "%KB_KIND%"=="none" set "KB_ST_END=ok"
if defined KB_ST_END exit /b 0
set "KB_NOTE=%KB_PATH% is a file, not a folder"
if "%KB_KIND%"=="file" set "KB_ST_END=failed"
exit /b 0

:kb_count_test
rem The state test of a step that lists entries: nothing left that matches (KB_COUNT, of what
rem KB_UNITS names).
set "KB_ST_SAME=0"
if "%KB_COUNT%"=="0" set "KB_ST_SAME=1"
set "KB_ST_WANT=none"
set "KB_ST_MISS=%KB_COUNT% %KB_UNITS% remain (in use?)"
exit /b 0
