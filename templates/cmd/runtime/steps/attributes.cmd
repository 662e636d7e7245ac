:kb_step_attributes
rem Sets and clears attributes (KB_AT_R/A/H/S: set, clear or empty) with one attrib call, as
rem attrib will not clear hidden on a system file alone: a state step (:kb_state_step).
rem A missing path has no attributes: ok when only clearing, failed when one must be set.
set "KB_ST_READ=kb_attr_read" & set "KB_ST_TEST=kb_attr_test" & set "KB_ST_SET=kb_attr_set" & set "KB_ST_AGAIN=kb_attr_again"
goto :kb_state_step
:kb_attr_read
set "KB_BELOW=0"
call :kb_resolve
if errorlevel 1 goto :kb_attr_unusable
call :kb_attr_args
set "KB_NOTE=%KB_PATH% does not exist: nothing to clear"
if "%KB_KIND%"=="none" if not defined KB_AT_SETS set "KB_ST_END=ok"
if defined KB_ST_END exit /b 0
set "KB_NOTE=%KB_PATH% does not exist"
if "%KB_KIND%"=="none" set "KB_ST_END=failed"
if defined KB_ST_END exit /b 0
set "KB_NOTE="
set "KB_ST_NOW=attributes %KB_ATTRS%"
exit /b 0
:kb_attr_unusable
set "KB_ST_END=failed"
exit /b 0
:kb_attr_test
set "KB_ST_SAME=1"
if defined KB_AT_ARGS set "KB_ST_SAME=0"
set "KB_ST_WANT=attrib%KB_AT_ARGS%"
set "KB_ST_MISS=did not stick: attrib%KB_AT_ARGS% still needed"
exit /b 0
:kb_attr_set
"%KB_ATTRIB%" %KB_AT_ARGS% "%KB_PATH%" >"%KB_TMP%" 2>&1
exit /b 0
:kb_attr_again
call :kb_kind
call :kb_attr_args
set "KB_ST_NOW=attributes %KB_ATTRS%"
exit /b 0

:kb_attr_args
rem KB_ATTRS (d r a h s ... by position) -> KB_AT_ARGS, the attrib switches still needed.
set "KB_AT_ARGS="
set "KB_AT_SETS="
set "KB_HAS_R=" & set "KB_HAS_A=" & set "KB_HAS_H=" & set "KB_HAS_S="
set "KB_PA=%KB_ATTRS%#########"
if "%KB_PA:~1,1%"=="r" set "KB_HAS_R=1"
if "%KB_PA:~2,1%"=="a" set "KB_HAS_A=1"
if "%KB_PA:~3,1%"=="h" set "KB_HAS_H=1"
if "%KB_PA:~4,1%"=="s" set "KB_HAS_S=1"
if "%KB_AT_R%"=="set" set "KB_AT_SETS=1"
if "%KB_AT_A%"=="set" set "KB_AT_SETS=1"
if "%KB_AT_H%"=="set" set "KB_AT_SETS=1"
if "%KB_AT_S%"=="set" set "KB_AT_SETS=1"
if "%KB_AT_R%"=="set" if not defined KB_HAS_R set "KB_AT_ARGS=%KB_AT_ARGS% +r"
if "%KB_AT_R%"=="clear" if defined KB_HAS_R set "KB_AT_ARGS=%KB_AT_ARGS% -r"
if "%KB_AT_A%"=="set" if not defined KB_HAS_A set "KB_AT_ARGS=%KB_AT_ARGS% +a"
if "%KB_AT_A%"=="clear" if defined KB_HAS_A set "KB_AT_ARGS=%KB_AT_ARGS% -a"
if "%KB_AT_S%"=="set" if not defined KB_HAS_S set "KB_AT_ARGS=%KB_AT_ARGS% +s"
if "%KB_AT_S%"=="clear" if defined KB_HAS_S set "KB_AT_ARGS=%KB_AT_ARGS% -s"
if "%KB_AT_H%"=="set" if not defined KB_HAS_H set "KB_AT_ARGS=%KB_AT_ARGS% +h"
if "%KB_AT_H%"=="clear" if defined KB_HAS_H set "KB_AT_ARGS=%KB_AT_ARGS% -h"
if not defined KB_AT_ARGS exit /b 0
if defined KB_HAS_S if "%KB_AT_S%"=="" set "KB_AT_ARGS=%KB_AT_ARGS% +s"
if defined KB_HAS_H if "%KB_AT_H%"=="" set "KB_AT_ARGS=%KB_AT_ARGS% +h"
exit /b 0
