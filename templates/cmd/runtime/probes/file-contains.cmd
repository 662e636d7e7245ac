:kb_probe_fc_begin
rem A log file with a token in text written since the last run that fixed something. Batch
rem cannot read from an offset: once the file has grown past the size saved then, the whole
rem file is searched (an approximation of the PowerShell script's "new text only"); a file
rem smaller than that size is a new file. The result is reused while size and baseline stay.
rem A file not written in the last KB_FC_DAYS days is not searched, as in the .ps1 (:kb_probe_fc_age).
set "KB_PR=0"
set "KB_SEARCH=0"
set "KB_FOUND="
set "KB_FC_CUR="
set "KB_FC_KEY="
call :kb_resolve
if errorlevel 1 goto :kb_probe_fc_unknown
set "KB_SEARCHFILE=%KB_PATH%"
set "KB_PD=%KB_PATH% does not exist"
if not "%KB_KIND%"=="file" exit /b 0
for %%F in ("%KB_PATH%") do set "KB_FC_CUR=%%~zF"
if defined KB_DETECT_FIRST set "KB_FC_START=%KB_FC_CUR%"
call :kb_probe_fc_age
set "KB_PD=%KB_PATH% not written in the last %KB_FC_DAYS% days"
if "%KB_FC_AGE%"=="old" exit /b 0
set "KB_V=%KB_FC_BASE%"
call :kb_digits
if errorlevel 1 set "KB_FC_BASE=0"
set "KB_V=%KB_FC_CUR%"
call :kb_size_key
set "KB_T=%KB_KEY%"
set "KB_V=%KB_FC_BASE%"
call :kb_size_key
if "%KB_T%" LSS "%KB_KEY%" set "KB_FC_BASE=0"
if "%KB_T%" LSS "%KB_KEY%" set "KB_KEY=0000000000000000"
set "KB_PD=%KB_PATH%: no new text since the last fix (%KB_FC_CUR% bytes)"
if not "%KB_T%" GTR "%KB_KEY%" exit /b 0
set "KB_FC_KEY=%KB_FC_CUR%/%KB_FC_BASE%"
set "KB_PD=%KB_PATH% (%KB_FC_CUR% bytes, searched whole) has none of the tokens"
if "%KB_FC_MEMO%"=="%KB_FC_KEY%/0" exit /b 0
set "KB_FOUND=(as before)"
if "%KB_FC_MEMO%"=="%KB_FC_KEY%/1" exit /b 0
set "KB_FOUND="
set "KB_SEARCH=1"
exit /b 0
:kb_probe_fc_unknown
set "KB_PR=U"
set "KB_PD=%KB_NOTE%"
exit /b 0

:kb_probe_fc_end
if "%KB_PR%"=="U" goto :kb_probe_report
if defined KB_FOUND set "KB_PR=1"
if defined KB_FOUND set "KB_PD=%KB_PATH% (%KB_FC_CUR% bytes, searched whole) has %KB_FOUND%"
if defined KB_FC_KEY set "KB_FC_MEMO=%KB_FC_KEY%/%KB_PR%"
goto :kb_probe_report

:kb_probe_fc_age
rem KB_FC_AGE=old when forfiles selects the file as last written KB_FC_DAYS+1 or more calendar
rem days ago (dates, not times: no locale-dependent date text is parsed). One day more than the
rem window, so batch never calls a file old that the .ps1's N days of 24 hours still search.
rem Without forfiles (Windows XP), or when it cannot read the folder, the age is unknown and the
rem file is searched: the script then errs towards finding evidence, never away from it.
set "KB_FC_AGE=unknown"
if not exist "%KB_FORFILES%" exit /b 0
set /a KB_FC_OLDER=KB_FC_DAYS+1
for %%F in ("%KB_PATH%") do "%KB_FORFILES%" /p "%%~dpF." /m "%%~nxF" /d -%KB_FC_OLDER% >nul 2>&1
if not errorlevel 1 set "KB_FC_AGE=old"
exit /b 0
