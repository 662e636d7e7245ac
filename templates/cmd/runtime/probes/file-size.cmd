:kb_probe_file_size
rem A file larger than KB_E_ABOVE (16-digit key). A missing file is no evidence.
set "KB_PR=0"
call :kb_resolve
if errorlevel 1 goto :kb_probe_file_size_unknown
set "KB_PD=%KB_PATH% does not exist"
if not "%KB_KIND%"=="file" goto :kb_probe_report
for %%F in ("%KB_PATH%") do set "KB_V=%%~zF"
call :kb_size_key
set "KB_PD=%KB_PATH% is %KB_V% bytes"
if "%KB_KEY%" GTR "%KB_E_ABOVE%" set "KB_PR=1"
goto :kb_probe_report
:kb_probe_file_size_unknown
set "KB_PR=U"
set "KB_PD=%KB_NOTE%"
goto :kb_probe_report
