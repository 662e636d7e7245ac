rem ---- detection: the evidence before any change, and what each probe reports ----
:kb_probe_report
rem One line per probe: KB_E_ID, KB_PR (1 present, 0 absent, U could not look, X a kind only the
rem PowerShell script checks), KB_PD (detail). A probe outside its own applies leaves N (not
rem applicable) instead: kb_probe_not_applicable. U counts as absent, as a probe error does in
rem the PowerShell script; X stays X through the groups, so no evidence is never taken for clean.
set "KB_MSG=evidence %KB_E_ID%: absent; %KB_PD%"
if "%KB_PR%"=="1" set "KB_MSG=evidence %KB_E_ID%: PRESENT; %KB_PD%"
if "%KB_PR%"=="U" set "KB_MSG=evidence %KB_E_ID%: unknown, counted as absent; %KB_PD%"
if "%KB_PR%"=="X" set "KB_MSG=evidence %KB_E_ID%: not checked; %KB_PD%"
if "%KB_PR%"=="U" set /a "KB_N_UNKNOWN+=1"
if "%KB_PR%"=="X" set /a "KB_N_UNKNOWN+=1"
if "%KB_PR%"=="X" set /a "KB_N_UNCHECKED+=1"
if "%KB_PR%"=="U" set "KB_LVL=warn"
if "%KB_PR%"=="X" set "KB_LVL=warn"
call :kb_log
exit /b 0

:kb_probe_not_applicable
set "KB_MSG=evidence %KB_E_ID%: not applicable; %KB_NA_REASON%"
call :kb_log
exit /b 0

:kb_probe_token
rem Searches KB_SEARCHFILE for KB_TOK (when KB_SEARCH=1 and nothing was found yet). find has no
rem portable /i (Wine's find refuses it): the templates list each token's case forms (as written,
rem upper and lower case; a 0x token in each pairing of prefix and digit case).
if not "%KB_SEARCH%"=="1" exit /b 0
if defined KB_FOUND exit /b 0
"%KB_FIND%" "%KB_TOK%" "%KB_SEARCHFILE%" >nul 2>&1
if not errorlevel 1 set "KB_FOUND=%KB_TOK%"
exit /b 0
