// The fake Windows tools of the simulated Windows (test/support/simulated-windows-cmd.ts):
// batch bodies for the writeFakeTool shim, backed by a small database of files
// (services, failures, events). They use percent expansion only: Wine parses
// delayed-expansion results for redirections, and for /f cannot split quoted text.
import { toWinPath } from "../support/wine.js";

const HEAD = ["@echo off", "setlocal EnableExtensions DisableDelayedExpansion"];
const REAL = "C:\\windows\\system32";

function record(calls: string): string[] {
  return [...HEAD, `>>"${toWinPath(calls)}" echo.%KBFIX_FAKE_CALL%`];
}

/** Exits with the code in <file> when it exists. */
function failWith(file: string, label: string): string[] {
  return [`if exist "${file}" goto ${label}`];
}

function failLabel(file: string, label: string): string[] {
  return [`:${label}`, `set /p RC=<"${file}"`, "exit /b %RC%"];
}

/**
 * sc qc / query / config / sdshow / enumdepend over <db>\services\<name>.start (2/3/4), .state
 * (1/4) and .sddl; .delayed marks Automatic (Delayed Start); .pending holds how many more queries a
 * pending .state (2/3) lasts before it settles to .settles; .deps lists the dependents.
 */
export function scFake(calls: string, db: string): string {
  const s = `${toWinPath(db)}\\services`;
  return [
    ...record(calls),
    'set "C=%KBFIX_FAKE_CALL:"=%"',
    'for /f "tokens=2,3,5" %%a in ("%C%") do (set "VERB=%%a" & set "SVC=%%b" & set "VAL=%%c")',
    `if not exist "${s}\\%SVC%.start" exit /b 1060`,
    `set /p START=<"${s}\\%SVC%.start"`,
    `set /p STATE=<"${s}\\%SVC%.state"`,
    'if /i "%VERB%"=="qc" goto qc',
    'if /i "%VERB%"=="query" goto query',
    'if /i "%VERB%"=="config" goto config',
    'if /i "%VERB%"=="sdshow" goto sdshow',
    'if /i "%VERB%"=="enumdepend" goto enumdepend',
    "exit /b 87",
    ":sdshow",
    "echo.",
    `if exist "${s}\\%SVC%.sddl" type "${s}\\%SVC%.sddl"`,
    "exit /b 0",
    ":qc",
    'set "TYPE=%START%   FAKE"',
    `if "%START%"=="2" if exist "${s}\\%SVC%.delayed" set "TYPE=2   AUTO_START  (DELAYED)"`,
    "echo [SC] QueryServiceConfig SUCCESS",
    "echo.",
    "echo SERVICE_NAME: %SVC%",
    "echo         TYPE               : 20  WIN32_SHARE_PROCESS",
    "echo         START_TYPE         : %TYPE%",
    "exit /b 0",
    ":query",
    `if not exist "${s}\\%SVC%.pending" goto print`,
    `set /p LEFT=<"${s}\\%SVC%.pending"`,
    "set /a LEFT-=1",
    `>"${s}\\%SVC%.pending" echo.%LEFT%`,
    "if %LEFT% GTR 0 goto print",
    `set /p STATE=<"${s}\\%SVC%.settles"`,
    `>"${s}\\%SVC%.state" echo.%STATE%`,
    `del "${s}\\%SVC%.pending"`,
    ":print",
    "echo.",
    "echo SERVICE_NAME: %SVC%",
    "echo         TYPE               : 20  WIN32_SHARE_PROCESS",
    "echo         STATE              : %STATE%  FAKE",
    "exit /b 0",
    ":config",
    ...failWith(`${s}\\%SVC%.fail-config`, "fail"),
    `if /i "%VAL%"=="auto" >"${s}\\%SVC%.start" echo.2`,
    `if /i "%VAL%"=="auto" if exist "${s}\\%SVC%.delayed" del "${s}\\%SVC%.delayed"`,
    `if /i "%VAL%"=="delayed-auto" >"${s}\\%SVC%.start" echo.2`,
    `if /i "%VAL%"=="delayed-auto" >"${s}\\%SVC%.delayed" echo.1`,
    `if /i "%VAL%"=="demand" >"${s}\\%SVC%.start" echo.3`,
    `if /i "%VAL%"=="disabled" >"${s}\\%SVC%.start" echo.4`,
    "echo [SC] ChangeServiceConfig SUCCESS",
    "exit /b 0",
    ...failLabel(`${s}\\%SVC%.fail-config`, "fail"),
    ":enumdepend",
    'set "DEPS="',
    `if exist "${s}\\%SVC%.deps" set /p DEPS=<"${s}\\%SVC%.deps"`,
    "echo Enum: entriesRead = 0",
    "for %%d in (%DEPS%) do call :dependent %%d",
    "exit /b 0",
    ":dependent",
    `set /p DSTATE=<"${s}\\%1.state"`,
    "echo.",
    "echo SERVICE_NAME: %1",
    "echo DISPLAY_NAME: %1",
    "echo         TYPE               : 20  WIN32_SHARE_PROCESS",
    "echo         STATE              : %DSTATE%  FAKE",
    "exit /b 0",
  ].join("\r\n");
}

/**
 * net session / start / stop over the same service files (Windows' codes: 2 = already so). A
 * stop refuses while a service in .deps runs (net stop would ask, and its input is nul);
 * .comeback counts how many more times the service is started again right after it stopped
 * (as UsoSvc does with wuauserv), .cameback how many times it was.
 */
export function netFake(calls: string, db: string): string {
  const s = `${toWinPath(db)}\\services`;
  return [
    ...record(calls),
    'set "C=%KBFIX_FAKE_CALL:"=%"',
    'for /f "tokens=2,3" %%a in ("%C%") do (set "VERB=%%a" & set "SVC=%%b")',
    'if /i "%VERB%"=="session" goto session',
    `if not exist "${s}\\%SVC%.start" exit /b 2`,
    `set /p START=<"${s}\\%SVC%.start"`,
    `set /p STATE=<"${s}\\%SVC%.state"`,
    'if /i "%VERB%"=="start" goto start',
    'if /i "%VERB%"=="stop" goto stop',
    "exit /b 1",
    ":session",
    `if exist "${toWinPath(db)}\\not-admin" exit /b 2`,
    "exit /b 0",
    ":start",
    ...failWith(`${s}\\%SVC%.fail-start`, "failstart"),
    'if "%STATE%"=="4" exit /b 2',
    'if "%START%"=="4" exit /b 2',
    `>"${s}\\%SVC%.state" echo.4`,
    "exit /b 0",
    ":stop",
    ...failWith(`${s}\\%SVC%.fail-stop`, "failstop"),
    'if "%STATE%"=="1" exit /b 2',
    'set "DEPS="',
    `if exist "${s}\\%SVC%.deps" set /p DEPS=<"${s}\\%SVC%.deps"`,
    'set "BUSY="',
    "for %%d in (%DEPS%) do call :running %%d",
    "if defined BUSY exit /b 2",
    `>"${s}\\%SVC%.state" echo.1`,
    `if not exist "${s}\\%SVC%.comeback" exit /b 0`,
    `set /p LEFT=<"${s}\\%SVC%.comeback"`,
    "if %LEFT% LEQ 0 exit /b 0",
    "set /a LEFT-=1",
    `>"${s}\\%SVC%.comeback" echo.%LEFT%`,
    'set "DONE=0"',
    `if exist "${s}\\%SVC%.cameback" set /p DONE=<"${s}\\%SVC%.cameback"`,
    "set /a DONE+=1",
    `>"${s}\\%SVC%.cameback" echo.%DONE%`,
    `>"${s}\\%SVC%.state" echo.4`,
    "exit /b 0",
    ":running",
    `set /p DSTATE=<"${s}\\%1.state"`,
    'if not "%DSTATE%"=="1" set "BUSY=1"',
    "exit /b 0",
    ...failLabel(`${s}\\%SVC%.fail-start`, "failstart"),
    ...failLabel(`${s}\\%SVC%.fail-stop`, "failstop"),
  ].join("\r\n");
}

/** Records, exits with <db>\<name>.fail's code when it exists, else 0. */
export function simpleFake(calls: string, db: string, name: string): string {
  const fail = `${toWinPath(db)}\\${name}.fail`;
  return [
    ...record(calls),
    ...failWith(fail, "fail"),
    "exit /b 0",
    ...failLabel(fail, "fail"),
  ].join("\r\n");
}

/**
 * Records and runs the real tool (reg, attrib); <db>\<name>-<verb>.fail makes that verb fail,
 * <db>\<name>.fail every call.
 */
export function forwardingFake(calls: string, db: string, name: string): string {
  const fail = `${toWinPath(db)}\\${name}-%VERB%.fail`;
  const all = `${toWinPath(db)}\\${name}.fail`;
  return [
    ...record(calls),
    `set "ARGS=%KBFIX_FAKE_CALL:~${name.length + 1}%"`,
    'set "C=%KBFIX_FAKE_CALL:"=%"',
    'set "VERB=any"',
    'for /f "tokens=2" %%a in ("%C%") do set "VERB=%%a"',
    'set "VERB=%VERB:-=%"',
    'set "VERB=%VERB:+=%"',
    ...failWith(fail, "fail"),
    ...failWith(all, "failall"),
    `"${REAL}\\${name}.exe" %ARGS%`,
    "exit /b %errorlevel%",
    ...failLabel(fail, "fail"),
    ...failLabel(all, "failall"),
  ].join("\r\n");
}

/**
 * wevtutil qe: the newest-record query types <db>\events\newest.xml; a filtered query types
 * event.xml when its EventID matches event.id and its record id (event.rid) is above the
 * query's EventRecordID bound.
 */
export function wevtutilFake(calls: string, db: string): string {
  const e = `${toWinPath(db)}\\events`;
  return [
    ...record(calls),
    `>"${e}\\call.txt" echo.%KBFIX_FAKE_CALL%`,
    `"${REAL}\\find.exe" "EventID=" "${e}\\call.txt" >nul`,
    "if not errorlevel 1 goto query",
    `if exist "${e}\\newest.xml" type "${e}\\newest.xml"`,
    "exit /b 0",
    ":query",
    `if not exist "${e}\\event.xml" exit /b 0`,
    `set /p EID=<"${e}\\event.id"`,
    `set /p RID=<"${e}\\event.rid"`,
    `"${REAL}\\find.exe" "EventID=%EID%" "${e}\\call.txt" >nul`,
    "if errorlevel 1 exit /b 0",
    'set "C=%KBFIX_FAKE_CALL:"=%"',
    'set "T=%C:*EventRecordID > =%"',
    'if "%T%"=="%C%" goto print',
    'for /f "tokens=1 delims=)" %%n in ("%T%") do set "T=%%n"',
    "if %RID% LEQ %T% exit /b 0",
    ":print",
    `type "${e}\\event.xml"`,
    "exit /b 0",
  ].join("\r\n");
}

/**
 * reg: load and unload are simulated (Wine's reg has neither), the other verbs forwarded like
 * forwardingFake. A hive file holds one line: the name of a parking key under <park>, which load
 * copies to HKU\<name> and unload copies back before deleting HKU\<name>; "in-use" makes load
 * fail as for a hive another process holds. <db>\hives\<name> records what is loaded.
 */
export function regFake(calls: string, db: string, park: string): string {
  const d = toWinPath(db);
  const fail = `${d}\\reg-%VERB%.fail`;
  const all = `${d}\\reg.fail`;
  const reg = `"${REAL}\\reg.exe"`;
  return [
    ...record(calls),
    'set "ARGS=%KBFIX_FAKE_CALL:~4%"',
    'set "C=%KBFIX_FAKE_CALL:"=%"',
    'set "VERB=any"',
    'for /f "tokens=2" %%a in ("%C%") do set "VERB=%%a"',
    'set "VERB=%VERB:-=%"',
    'set "VERB=%VERB:+=%"',
    ...failWith(fail, "fail"),
    ...failWith(all, "failall"),
    'if /i "%VERB%"=="load" goto load',
    'if /i "%VERB%"=="unload" goto unload',
    `${reg} %ARGS%`,
    "exit /b %errorlevel%",
    ":load",
    'for /f "tokens=3,4" %%a in ("%C%") do (set "KEY=%%a" & set "FILE=%%b")',
    'set "NAME=%KEY:*\\=%"',
    'if not exist "%FILE%" goto nofile',
    'set /p PARK=<"%FILE%"',
    'if "%PARK%"=="in-use" goto inuse',
    `${reg} query "%KEY%" >nul 2>&1`,
    "if not errorlevel 1 goto denied",
    `${reg} copy "${park}\\%PARK%" "%KEY%" /s /f >nul`,
    `>"${d}\\hives\\%NAME%" echo.%PARK%`,
    "echo The operation completed successfully.",
    "exit /b 0",
    ":unload",
    'for /f "tokens=3" %%a in ("%C%") do set "KEY=%%a"',
    'set "NAME=%KEY:*\\=%"',
    `if not exist "${d}\\hives\\%NAME%" goto badparam`,
    `set /p PARK=<"${d}\\hives\\%NAME%"`,
    `if exist "${d}\\hive-stuck" goto denied`,
    `${reg} copy "%KEY%" "${park}\\%PARK%" /s /f >nul`,
    `${reg} delete "%KEY%" /f >nul`,
    `del "${d}\\hives\\%NAME%"`,
    "echo The operation completed successfully.",
    "exit /b 0",
    ":nofile",
    "echo ERROR: The system cannot find the file specified.",
    "exit /b 1",
    ":inuse",
    "echo ERROR: The process cannot access the file because it is being used by another process.",
    "exit /b 1",
    ":denied",
    "echo ERROR: Access is denied.",
    "exit /b 1",
    ":badparam",
    "echo ERROR: The parameter is incorrect.",
    "exit /b 1",
    ...failLabel(fail, "fail"),
    ...failLabel(all, "failall"),
  ].join("\r\n");
}

/**
 * A tool whose calls exit with the codes in <db>\<name>.rc1, .rc2, ... in turn (the last one
 * written repeats; 0 when there is none) and print <db>\<name>.out: winmgmt /verifyrepository
 * that is inconsistent before a salvage and consistent (or not) after it.
 */
export function sequenceFake(calls: string, db: string, name: string): string {
  const base = `${toWinPath(db)}\\${name}`;
  return [
    ...record(calls),
    'set "N=0"',
    `if exist "${base}.n" set /p N=<"${base}.n"`,
    'set /a "N+=1"',
    `>"${base}.n" echo.%N%`,
    'set "RC=0"',
    'set "K=0"',
    ":find",
    'set /a "K+=1"',
    `if %K% GTR %N% goto done`,
    `if exist "${base}.rc%K%" set /p RC=<"${base}.rc%K%"`,
    "goto find",
    ":done",
    `if exist "${base}.out" type "${base}.out"`,
    "exit /b %RC%",
  ].join("\r\n");
}
