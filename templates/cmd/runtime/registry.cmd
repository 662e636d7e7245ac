rem ---- registry: values under HKLM read with reg query, compared as reg prints them ----
:kb_reg_view
rem KB_RVIEW (0: the script's own view; 32 or 64: that view of HKLM) -> KB_RSW, the reg switch
rem naming it (empty for the own view), or KB_RVIEWBAD, why this Windows cannot reach the view
rem for sure (docs/emitted-script-rules.md#registry-views). 32-bit Windows has one view, the
rem 32-bit one: view 32 needs no switch there, and view 64 does not exist (reg would quietly use the
rem 32-bit one). On 64-bit Windows before NT 6.1 reg.exe may not know /reg:, so nothing is touched.
set "KB_RSW="
set "KB_RVIEWBAD="
if "%KB_RVIEW%"=="0" exit /b 0
if not defined KB_ARCH call :kb_architecture
if not defined KB_NT call :kb_windows_version
if "%KB_ARCH%"=="x86" if "%KB_RVIEW%"=="32" exit /b 0
set "KB_RVIEWBAD=this Windows is 32-bit: it has no 64-bit registry view (view 64)"
if "%KB_ARCH%"=="x86" exit /b 0
set "KB_RVIEWBAD=the architecture could not be read (PROCESSOR_ARCHITECTURE): the %KB_RVIEW%-bit registry view is not touched"
if not "%KB_ARCH%"=="x64" if not "%KB_ARCH%"=="arm64" exit /b 0
set "KB_RVIEWBAD=the Windows version could not be read from ver: reg.exe may not know /reg:%KB_RVIEW%, so the %KB_RVIEW%-bit view is not touched"
if not defined KB_NT exit /b 0
set "KB_RVIEWBAD=reg.exe of Windows NT %KB_NTTEXT% may not know /reg:%KB_RVIEW% (it came with NT 6.1, earlier only by hotfix): the %KB_RVIEW%-bit view is not touched; use the PowerShell script"
if %KB_NT% LSS 601 exit /b 0
set "KB_RVIEWBAD="
set "KB_RSW=/reg:%KB_RVIEW%"
exit /b 0

:kb_reg_read
rem KB_RKEY, KB_RNAME (KB_RDEFAULT=1: the default value), in the view KB_RSW names (kb_reg_view;
rem empty: the script's own) -> KB_RFOUND=1 with KB_RGOTTYPE
rem (REG_SZ, REG_DWORD, ...) and KB_RGOT (the data as reg prints it: DWORD 0x1, binary 00FF,
rem multi-string a\0b; double quotes removed, see kb_dequote), else KB_RFOUND=0.
set "KB_RFOUND=0"
set "KB_RGOT="
set "KB_RGOTTYPE="
set "KB_RQUOTE=0"
if "%KB_RDEFAULT%"=="1" "%KB_REG%" query "%KB_RKEY%" /ve %KB_RSW% >"%KB_TMP%" 2>nul
if not "%KB_RDEFAULT%"=="1" "%KB_REG%" query "%KB_RKEY%" /v "%KB_RNAME%" %KB_RSW% >"%KB_TMP%" 2>nul
if errorlevel 1 exit /b 0
for /f "usebackq eol=| delims=" %%L in ("%KB_TMP%") do (set "KB_V=%%L" & call :kb_reg_line)
exit /b 0
:kb_reg_line
rem A value line is <name>    REG_<type>    <data>: everything up to the first '    REG_' goes,
rem then the type is the first word and the data what follows its four spaces.
if "%KB_RFOUND%"=="1" exit /b 0
call :kb_dequote
if not defined KB_V exit /b 0
set "KB_R=%KB_V:*    REG_=%"
if "%KB_R%"=="%KB_V%" exit /b 0
for /f "tokens=1" %%t in ("%KB_R%") do set "KB_RGOTTYPE=REG_%%t"
set "KB_RGOT=%KB_R:*    =%"
if "%KB_RGOT%"=="%KB_R%" set "KB_RGOT="
set "KB_RQUOTE=%KB_VQ%"
set "KB_RFOUND=1"
exit /b 0

:kb_reg_compare
rem KB_RSAME=1 when the value read has the wanted type (KB_RTYPE) and data (KB_RWANT; hex
rem output without case, KB_RHEX=1). KB_RSHOW describes what was read, for the log.
set "KB_RSAME=0"
set "KB_RSHOW=(missing)"
if not "%KB_RFOUND%"=="1" exit /b 0
set "KB_RSHOW=%KB_RGOTTYPE% %KB_RGOT%"
if "%KB_RQUOTE%"=="1" exit /b 0
if not "%KB_RGOTTYPE%"=="%KB_RTYPE%" exit /b 0
set "KB_X=%KB_RGOT%"
set "KB_Y=%KB_RWANT%"
set "KB_SAME_I=%KB_RHEX%"
call :kb_same
set "KB_RSAME=%KB_SAME%"
exit /b 0
