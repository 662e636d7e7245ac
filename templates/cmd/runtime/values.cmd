rem ---- values: text from the machine or the command line, handled without parsing it ----
:kb_dequote
rem Removes double quotes from KB_V (a line of tool output): after this, KB_V in quotes is safe
rem anywhere, because only a quote could end the quoting. KB_VQ=1 when there were any. KB_V is
rem expanded only with the substitutions that drop its quotes (as "" and as #), and the two are
rem compared: never the raw text, not even as !KB_V!, which Wine's cmd parses again.
set "KB_VQ=0"
if not defined KB_V exit /b 0
set "KB_X=%KB_V:"=%"
set "KB_VX=%KB_V:"=#%"
set "KB_V=%KB_X%"
if not "%KB_X%"=="%KB_VX%" set "KB_VQ=1"
exit /b 0

:kb_env_take
rem KB_EV and KB_EQ: the environment variable KB_EN expanded with its double quotes dropped and
rem made #. They differ when it held a quote: it is then not used (KB_EO, its copy, stays empty,
rem as for a variable that is not set) and KB_ENV_UNSAFE names it for the log (kb_env_note).
rem Both are free of quotes, so comparing them in quotes is safe.
set "%KB_EO%=%KB_EV%"
if "%KB_EV%"=="%KB_EQ%" exit /b 0
set "%KB_EO%="
set "KB_ENV_UNSAFE=%KB_ENV_UNSAFE% %KB_EN%"
exit /b 0

:kb_machine_name
rem A name dir listed (KB_V, a line of its output) -> KB_V free of double quotes; errorlevel 1 when
rem it held one: no Windows name can, so that name is not acted on, with a warning in the log.
call :kb_dequote
if not "%KB_VQ%"=="1" exit /b 0
set "KB_MSG=a name listed in %KB_PATH% holds a double quote: cannot be read safely, left alone: %KB_V%"
call :kb_warn
exit /b 1

:kb_same
rem KB_SAME=1 when KB_X and KB_Y hold the same text (KB_SAME_I=1: ignoring case).
set "KB_SAME=0"
setlocal EnableDelayedExpansion
if "!KB_SAME_I!"=="1" goto :kb_same_i
if "!KB_X!"=="!KB_Y!" set "KB_SAME=1"
endlocal & set "KB_SAME=%KB_SAME%"
exit /b 0
:kb_same_i
if /i "!KB_X!"=="!KB_Y!" set "KB_SAME=1"
endlocal & set "KB_SAME=%KB_SAME%"
exit /b 0

:kb_digits
rem errorlevel 0 when KB_V is 1 to 16 digits (sizes, record ids, version parts). Padded
rem before taking characters: Wine reads past the end of a shorter value. The leading 1 keeps
rem for /f from skipping the line: its default eol=; would pass ";&..." as digits.
if not defined KB_V exit /b 1
for /f "delims=0123456789" %%x in ("1%KB_V%") do exit /b 1
set "KB_PV=%KB_V%#################"
if not "%KB_PV:~16,1%"=="#" exit /b 1
exit /b 0

:kb_size_key
rem KB_V (digits) -> KB_KEY, 16 digits: sizes compare as text, as cmd's numbers stop at 2^31.
set "KB_KEY=0000000000000000%KB_V%"
set "KB_KEY=%KB_KEY:~-16%"
exit /b 0

:kb_arg_no_quote
rem KB_T is the value of the variable named KB_CHK with its quotes removed: they must be equal.
setlocal EnableDelayedExpansion
set "KB_SAME=0"
if "!KB_T!"=="!%KB_CHK%!" set "KB_SAME=1"
endlocal & set "KB_SAME=%KB_SAME%"
if "%KB_SAME%"=="1" exit /b 0
set "KB_BADARG=a value holds a double quote"
exit /b 1

:kb_arg_no_switch
rem A value a tool would read as a switch is refused (docs/emitted-script-rules.md#literal-paths-and-arguments).
if "%KB_V:~0,1%"=="-" goto :kb_arg_switch
if "%KB_V:~0,1%"=="/" goto :kb_arg_switch
exit /b 0
:kb_arg_switch
set "KB_BADARG=the %KB_CHK_WHAT% value starts with - or /"
exit /b 1

:kb_arg_full_path
rem C:\... or \\server\share\...: never relative, never a device path.
set "KB_PV=%KB_V%####"
if "%KB_PV:~1,2%"==":\" exit /b 0
if "%KB_PV:~0,2%"=="\\" if not "%KB_PV:~2,1%"=="?" if not "%KB_PV:~2,1%"=="." exit /b 0
set "KB_BADARG=the %KB_CHK_WHAT% value is not a full path (C:\... or \\server\share\...)"
exit /b 1

:kb_arg_integer
set "KB_T=%KB_V%"
if "%KB_T%"=="-" goto :kb_arg_not_integer
if "%KB_T:~0,1%"=="-" set "KB_T=%KB_T:~1%"
for /f "delims=0123456789" %%x in ("%KB_T%") do goto :kb_arg_not_integer
set "KB_PV=%KB_T%##########"
if not "%KB_PV:~9,1%"=="#" goto :kb_arg_not_integer
if "%KB_T:~0,1%"=="0" if not "%KB_T%"=="0" goto :kb_arg_not_integer
exit /b 0
:kb_arg_not_integer
set "KB_BADARG=the %KB_CHK_WHAT% value is not a whole number"
exit /b 1
