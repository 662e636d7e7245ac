:kb_probe_product
rem A product installed in a version in [KB_E_ATLEAST, KB_E_BELOW) (version keys).
set "KB_PR=0"
set "KB_PD=%KB_E_PRODUCT% is not installed"
if not defined KB_PVER goto :kb_probe_report
set "KB_VER=%KB_PVER%"
call :kb_version_key
set "KB_PR=U"
set "KB_PD=%KB_E_PRODUCT% version %KB_PVER% is not a version"
if not defined KB_VKEY goto :kb_probe_report
set "KB_PR=0"
set "KB_PD=%KB_E_PRODUCT% %KB_PVER% is outside the range"
if defined KB_E_ATLEAST if "%KB_VKEY%" LSS "%KB_E_ATLEAST%" goto :kb_probe_report
if not "%KB_VKEY%" LSS "%KB_E_BELOW%" goto :kb_probe_report
set "KB_PR=1"
set "KB_PD=%KB_E_PRODUCT% %KB_PVER% is in the range"
goto :kb_probe_report
