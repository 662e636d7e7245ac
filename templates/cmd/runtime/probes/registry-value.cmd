:kb_probe_registry
rem A value under HKLM (in the view KB_RVIEW names) that is missing or differs from the healthy
rem data; unknown when this Windows cannot reach the view for sure.
call :kb_reg_view
set "KB_PR=U"
set "KB_PD=%KB_RKEY%\%KB_RNAME%: %KB_RVIEWBAD%"
if defined KB_RVIEWBAD goto :kb_probe_report
set "KB_PR=0"
call :kb_reg_read
call :kb_reg_compare
set "KB_PD=%KB_RKEY%\%KB_RNAME% is %KB_RSHOW%"
if not "%KB_RSAME%"=="1" set "KB_PR=1"
if not "%KB_RSAME%"=="1" set "KB_PD=%KB_RKEY%\%KB_RNAME% is %KB_RSHOW%, not %KB_RTYPE% %KB_RWANT%"
goto :kb_probe_report
