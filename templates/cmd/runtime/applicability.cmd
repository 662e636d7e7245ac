rem ---- applicability: this machine's Windows, architecture, products and account ----
:kb_windows_version
rem From ver: Windows prints Microsoft Windows [Version 10.0.19045.nnnn] (the word Version is
rem translated on some languages), Wine prints Microsoft Windows 10.0.18362, XP Microsoft Windows
rem XP [Version 5.1.2600]: the version is the last word once the brackets are gone, whatever the
rem language. -> KB_NT = major*100+minor, KB_NTB = KB_NT*100000+build (build 0 when it cannot be
rem read), KB_NTTEXT = major.minor, KB_NTFULL = major.minor.build. Empty when it cannot be read.
set "KB_NT="
set "KB_NTB="
set "KB_NTTEXT=unknown"
set "KB_NTFULL=unknown"
set "KB_VERLINE="
ver >"%KB_TMP%" 2>nul
for /f "usebackq eol=| delims=" %%L in ("%KB_TMP%") do set "KB_VERLINE=%%L"
if not defined KB_VERLINE exit /b 0
rem Tool output: its double quotes go as it is first expanded, and each word is then taken in
rem quotes, never as an unquoted list (docs/emitted-script-rules.md#machine-values).
set "KB_VERLINE=%KB_VERLINE:"=%"
set "KB_VERLINE=%KB_VERLINE:[= %"
set "KB_VERLINE=%KB_VERLINE:]= %"
for %%T in ("%KB_VERLINE: =" "%") do if not "%%~T"=="" set "KB_VERTOK=%%~T"
set "KB_NTMAJ="
set "KB_NTMIN="
set "KB_NTBLD="
for /f "tokens=1,2,3 delims=." %%a in ("%KB_VERTOK%") do (set "KB_NTMAJ=%%a" & set "KB_NTMIN=%%b" & set "KB_NTBLD=%%c")
set "KB_V=%KB_NTMAJ%"
call :kb_digits
if errorlevel 1 exit /b 0
set "KB_V=%KB_NTMIN%"
call :kb_digits
if errorlevel 1 exit /b 0
rem 5.00 (Windows 2000): a leading zero would make set /a read octal.
if "%KB_NTMIN:~0,1%"=="0" set "KB_NTMIN=0"
set /a "KB_NT=KB_NTMAJ*100+KB_NTMIN"
set "KB_NTTEXT=%KB_NTMAJ%.%KB_NTMIN%"
rem The build: at most five digits, no leading zero (octal), else 0 (it cannot be read).
set "KB_V=%KB_NTBLD%"
call :kb_digits
if errorlevel 1 set "KB_NTBLD=0"
set "KB_PV=%KB_NTBLD%######"
if not "%KB_PV:~5,1%"=="#" set "KB_NTBLD=0"
if "%KB_NTBLD:~0,1%"=="0" set "KB_NTBLD=0"
set /a "KB_NTB=KB_NT*100000+KB_NTBLD"
set "KB_NTFULL=%KB_NTTEXT%.%KB_NTBLD%"
exit /b 0

:kb_architecture
rem The machine's architecture, also from a 32-bit process.
set "KB_ARCH=%KB_ENV_PROCESSOR_ARCHITEW6432%"
if not defined KB_ARCH set "KB_ARCH=%KB_ENV_PROCESSOR_ARCHITECTURE%"
if /i "%KB_ARCH%"=="AMD64" set "KB_ARCH=x64"
if /i "%KB_ARCH%"=="X86" set "KB_ARCH=x86"
if /i "%KB_ARCH%"=="ARM64" set "KB_ARCH=arm64"
if not defined KB_ARCH set "KB_ARCH=unknown"
exit /b 0

:kb_applicable
rem The KB_A_* set just before: Windows range (inclusive, as KB_NTB numbers), architecture, product version range
rem ([min, below)), account. -> KB_APPLICABLE=1, or 0 with KB_NA_REASON.
set "KB_APPLICABLE=0"
if not defined KB_NT set "KB_NA_REASON=the Windows version could not be read from ver"
if not defined KB_NT exit /b 0
rem Ranges compare as KB_NTB; the reason shows the build only when the range end names one.
set "KB_NA_REASON=Windows NT %KB_NTTEXT% is older than NT %KB_A_NTMINTEXT%"
if "%KB_A_NTMINB%"=="1" set "KB_NA_REASON=Windows NT %KB_NTFULL% is older than NT %KB_A_NTMINTEXT%"
if %KB_NTB% LSS %KB_A_NTMIN% exit /b 0
set "KB_NA_REASON=Windows NT %KB_NTTEXT% is newer than NT %KB_A_NTMAXTEXT%"
if "%KB_A_NTMAXB%"=="1" set "KB_NA_REASON=Windows NT %KB_NTFULL% is newer than NT %KB_A_NTMAXTEXT%"
if %KB_NTB% GTR %KB_A_NTMAX% exit /b 0
set "KB_NA_REASON=architecture %KB_ARCH% is not one this applies to"
set "KB_T=%KB_A_ANYARCH%"
if "%KB_ARCH%"=="x86" if "%KB_A_X86%"=="1" set "KB_T=1"
if "%KB_ARCH%"=="x64" if "%KB_A_X64%"=="1" set "KB_T=1"
if "%KB_ARCH%"=="arm64" if "%KB_A_ARM64%"=="1" set "KB_T=1"
if not "%KB_T%"=="1" exit /b 0
if defined KB_A_PRODUCT call :kb_product_applicable
if defined KB_A_PRODUCT if not "%KB_T%"=="1" exit /b 0
set "KB_NA_REASON=meant for a user context, not SYSTEM"
if "%KB_A_CONTEXT%"=="user" call :kb_is_system
if "%KB_A_CONTEXT%"=="user" if "%KB_SYSTEM%"=="1" exit /b 0
set "KB_NA_REASON="
set "KB_APPLICABLE=1"
exit /b 0

:kb_is_system
rem KB_SYSTEM=1 when this runs as LocalSystem (USERNAME is COMPUTERNAME$, or SYSTEM on XP).
set "KB_SYSTEM=0"
if /i "%KB_ENV_USERNAME%"=="%KB_ENV_COMPUTERNAME%$" set "KB_SYSTEM=1"
if /i "%KB_ENV_USERNAME%"=="SYSTEM" set "KB_SYSTEM=1"
exit /b 0

:kb_product_applicable
rem KB_PVER (read by the product lines before the call) within [KB_A_PMIN, KB_A_PBELOW).
set "KB_T=0"
set "KB_NA_REASON=%KB_A_PRODUCT% is not installed"
if not defined KB_PVER exit /b 0
set "KB_VER=%KB_PVER%"
call :kb_version_key
set "KB_NA_REASON=%KB_A_PRODUCT% version %KB_PVER% is not a version"
if not defined KB_VKEY exit /b 0
set "KB_NA_REASON=%KB_A_PRODUCT% %KB_PVER% is older than the versions this applies to"
if defined KB_A_PMIN if "%KB_VKEY%" LSS "%KB_A_PMIN%" exit /b 0
set "KB_NA_REASON=%KB_A_PRODUCT% %KB_PVER% is not below the versions this applies to"
if defined KB_A_PBELOW if not "%KB_VKEY%" LSS "%KB_A_PBELOW%" exit /b 0
set "KB_T=1"
exit /b 0

:kb_product_try
rem One place a product keeps its version (KB_RKEY, KB_RNAME): the first one found wins.
if defined KB_PVER exit /b 0
set "KB_RDEFAULT="
call :kb_reg_read
if "%KB_RFOUND%"=="1" set "KB_PVER=%KB_RGOT%"
exit /b 0

:kb_version_key
rem KB_VER (from the machine) -> KB_VKEY: four parts of 9 digits, so versions compare as text
rem (4.00.6487.2111 -> 000000004.000000000.000006487.000002111). Text after a space is ignored;
rem empty when KB_VER is not a version.
set "KB_VKEY="
set "KB_VTXT="
for /f "tokens=1" %%v in ("%KB_VER%") do set "KB_VTXT=%%v"
if not defined KB_VTXT exit /b 0
set "KB_VP1=" & set "KB_VP2=" & set "KB_VP3=" & set "KB_VP4=" & set "KB_VP5="
for /f "tokens=1-5 delims=." %%a in ("%KB_VTXT%") do (set "KB_VP1=%%a" & set "KB_VP2=%%b" & set "KB_VP3=%%c" & set "KB_VP4=%%d" & set "KB_VP5=%%e")
if defined KB_VP5 exit /b 0
set "KB_VK="
set "KB_V=%KB_VP1%" & call :kb_version_part
set "KB_V=%KB_VP2%" & call :kb_version_part
set "KB_V=%KB_VP3%" & call :kb_version_part
set "KB_V=%KB_VP4%" & call :kb_version_part
if "%KB_VK:~0,1%"=="x" exit /b 0
set "KB_VKEY=%KB_VK:~1%"
exit /b 0
:kb_version_part
if not defined KB_V set "KB_V=0"
set "KB_PV=%KB_V%##########"
if not "%KB_PV:~9,1%"=="#" set "KB_VK=x"
call :kb_digits
if errorlevel 1 set "KB_VK=x"
set "KB_V=000000000%KB_V%"
set "KB_VK=%KB_VK%.%KB_V:~-9%"
exit /b 0
