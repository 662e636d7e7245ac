rem ---- program arguments: bases named in a literal, and the quoting (docs/emitted-script-rules.md#bases-in-arguments) ----
:kb_arg_base
rem Appends the value of the base in KB_B (named KB_BN; KB_DRIVE=1: a drive such as C:) to KB_A.
rem No shell expands a base for a program started directly, so it is checked here as a path's
rem base is (:kb_resolve): an empty, relative or root value sets KB_ARG_BAD to the reason instead,
rem and the step fails (the probe cannot look) before anything runs. A drive is checked as the
rem drive of a path below it and gives its letter and colon.
set "KB_REL="
set "KB_BELOW=0"
if "%KB_DRIVE%"=="1" set "KB_REL=x"
call :kb_resolve
if errorlevel 1 goto :kb_arg_base_bad
if "%KB_DRIVE%"=="1" set "KB_PATH=%KB_PATH:~0,2%"
set "KB_A=%KB_A%%KB_PATH%"
exit /b 0
:kb_arg_base_bad
if not defined KB_ARG_BAD set "KB_ARG_BAD=argument not built: %KB_NOTE%"
exit /b 0

:kb_arg_quote
rem Appends KB_A, quoted, to KB_ARGS (literals passed the whitelist, parameters had no quote,
rem base values are full paths). Backslashes just before the closing quote are doubled: the C
rem runtime and CommandLineToArgvW read \" as a literal quote, and 2n backslashes before a quote as n.
set "KB_AQ="
:kb_arg_quote_tail
if not defined KB_A goto :kb_arg_quote_done
if not "%KB_A:~-1%"=="\" goto :kb_arg_quote_done
set "KB_A=%KB_A:~0,-1%"
set "KB_AQ=%KB_AQ%\\"
goto :kb_arg_quote_tail
:kb_arg_quote_done
set "KB_ARGS=%KB_ARGS% "%KB_A%%KB_AQ%""
exit /b 0
