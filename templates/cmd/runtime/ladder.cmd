rem ---- ladder: the article's escalation across runs, in kbfix\<id>\fix.cmd.ladder under ProgramData ----
rem For history evidence (events, log lines) the article's "test, and try the next method if the
rem problem is still there" happens after the run: the next failure. So a clean run remembers the
rem last method that really changed something; when only history evidence comes back within 30
rem days, the next run skips the methods up to it. Live evidence or a method argument restarts.
:kb_ladder_load
rem The remembered method -> KB_LADDER_ID and KB_LADDER_POS (its place), or both empty. The file
rem holds the method id; its time is when a run saved it.
set "KB_LADDER_POS="
set "KB_LADDER_ID="
set "KB_LADDER_BAD="
set "KB_LADDER_NEW="
set "KB_LADDER_RESUME="
set "KB_LADDER_EXHAUSTED="
set "KB_LADDER_FILE=%KB_STATEDIR%\fix.cmd.ladder"
if not exist "%KB_LADDER_FILE%" exit /b 0
set "KB_V="
set /p KB_V=<"%KB_LADDER_FILE%"
call :kb_dequote
call :kb_ladder_known
if not defined KB_LADDER_POS goto :kb_ladder_bad
set "KB_MSG=an earlier run tried the methods up to %KB_LADDER_ID% (%KB_LADDER_FILE%)"
call :kb_log
exit /b 0
:kb_ladder_bad
set "KB_LADDER_BAD=1"
set "KB_MSG=ignoring %KB_LADDER_FILE%: it does not name a method of this playbook"
call :kb_warn
exit /b 0

:kb_ladder_decide
rem After the first detection found evidence -> KB_LADDER_RESUME (the place of the last method
rem to skip) when: strategy escalate, no method argument, a remembered method saved within the
rem last 30 days, and every probe that found something is history evidence.
set "KB_LADDER_RESUME="
if not "%KB_STRATEGY%"=="escalate" exit /b 0
if defined KB_SELECTING exit /b 0
if not defined KB_LADDER_POS exit /b 0
call :kb_ladder_evidence
set "KB_MSG=live evidence (not only events or log lines): the ladder starts again from the first method"
if defined KB_LADDER_LIVE goto :kb_ladder_restart
set "KB_MSG=no event or log line evidence: the ladder starts again from the first method"
if not defined KB_LADDER_HISTORY goto :kb_ladder_restart
call :kb_ladder_age
if not "%KB_LADDER_AGE%"=="recent" goto :kb_ladder_restart
set "KB_LADDER_RESUME=%KB_LADDER_POS%"
set "KB_MSG=only history evidence came back, within 30 days of the run that tried method %KB_LADDER_ID%: the article's next method runs"
if not "%KB_LADDER_POS%"=="%KB_LADDER_LAST%" goto :kb_ladder_restart
rem The remembered method was the article's last: no rung is left, and starting the ladder over
rem would hide that every method was tried. Say so and leave the choice to a person.
set "KB_LADDER_EXHAUSTED=1"
set "KB_MSG=only history evidence came back, within 30 days of the run that tried method %KB_LADDER_ID%, the article's last: no method is left to try (the argument method ID repeats one)"
call :kb_warn
exit /b 0
:kb_ladder_restart
call :kb_log
exit /b 0

:kb_ladder_age
rem KB_LADDER_AGE: recent, old or unknown (KB_MSG says why). forfiles /d -30 selects a file last
rem changed on or before today's date minus 30 days: compared as dates, so no locale-dependent
rem date text is parsed, and a memory is old from its 30th calendar day on (never later than the
rem .ps1's 30 days of 24 hours). The first call proves that forfiles reads the folder, so an
rem error is never taken for a recent memory. Windows XP has no forfiles: unknown, a restart.
set "KB_LADDER_AGE=unknown"
set "KB_MSG=no forfiles.exe (Windows XP): the age of method %KB_LADDER_ID%'s run cannot be told, so the ladder starts again from the first method"
if not exist "%KB_FORFILES%" exit /b 0
set "KB_MSG=forfiles.exe does not find %KB_LADDER_FILE%: the ladder starts again from the first method"
"%KB_FORFILES%" /p "%KB_STATEDIR%" /m fix.cmd.ladder >nul 2>&1
if errorlevel 1 exit /b 0
set "KB_LADDER_AGE=old"
set "KB_MSG=method %KB_LADDER_ID% was tried 30 or more days ago: the ladder starts again from the first method"
"%KB_FORFILES%" /p "%KB_STATEDIR%" /m fix.cmd.ladder /d -30 >nul 2>&1
if not errorlevel 1 exit /b 0
set "KB_LADDER_AGE=recent"
exit /b 0

:kb_ladder_save
rem A clean run (never in check mode): the last method that really changed something is
rem remembered, the file's time now; without one, a valid memory stays as it is (its time too),
rem and a file that named no method is removed.
if defined KB_CHECK exit /b 0
if defined KB_LADDER_NEW goto :kb_ladder_write
if defined KB_LADDER_BAD del /f /q "%KB_LADDER_FILE%" >nul 2>&1
exit /b 0
:kb_ladder_write
>"%KB_LADDER_FILE%" echo.%KB_LADDER_NEW%
set "KB_MSG=remembered for the next runs: method %KB_LADDER_NEW% changed something (%KB_LADDER_FILE%)"
call :kb_log
exit /b 0
