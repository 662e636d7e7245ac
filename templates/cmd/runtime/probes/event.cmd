:kb_probe_event_begin
rem Events by log, provider, IDs, level and age (wevtutil qe with an XPath filter, never the
rem message text), newer than the record id saved at the last run that fixed something; with a
rem data token, one of them must carry it in its event data (searched in the XML); with several,
rem one of them (any) or, with :kb_probe_all_*, every one in the same event (all).
set "KB_PR=0"
set "KB_SEARCH=0"
set "KB_FOUND="
set "KB_PD=wevtutil.exe is not on this Windows (XP, 2003): the event log cannot be queried"
if not exist "%KB_WEVTUTIL%" goto :kb_probe_event_unknown
rem The newest record id: where this run starts, and what a clean run saves.
if defined KB_DETECT_FIRST call :kb_event_newest
if defined KB_DETECT_FINAL call :kb_event_newest
if "%KB_PR%"=="U" exit /b 0
if defined KB_DETECT_FIRST set "KB_EV_START=%KB_EV_CUR%"
set "KB_EV_RID="
set "KB_V=%KB_EV_BASE%"
call :kb_digits
if not errorlevel 1 set "KB_EV_RID= and (EventRecordID > %KB_EV_BASE%)"
call :kb_event_query
set "KB_PD=wevtutil could not run the query on the %KB_EV_LOG% log"
"%KB_WEVTUTIL%" qe "%KB_EV_LOG%" "/q:%KB_EV_Q%%KB_EV_RID%]]" /rd:true /c:500 /f:xml >"%KB_TMPLIST%" 2>nul
if errorlevel 1 goto :kb_probe_event_unknown
set "KB_V=0"
for %%F in ("%KB_TMPLIST%") do set "KB_V=%%~zF"
set "KB_PD=no matching event in the %KB_EV_LOG% log"
if defined KB_EV_RID set "KB_PD=%KB_PD% newer than record %KB_EV_BASE%"
if "%KB_V%"=="0" exit /b 0
set "KB_PD=matching events in the %KB_EV_LOG% log"
if "%KB_EV_TOKENS%"=="0" set "KB_FOUND=an event"
set "KB_SEARCHFILE=%KB_TMPLIST%"
set "KB_SEARCH=1"
exit /b 0
:kb_probe_event_unknown
set "KB_PR=U"
exit /b 0

:kb_event_query
rem The XPath filter from the probe's provider, IDs, levels (sets of numbers, each followed by
rem a space) and age in milliseconds; the record id bound and the closing ]] come after it.
set "KB_EV_OR="
for %%i in (%KB_EV_IDS%) do (set "KB_N=EventID=%%i" & call :kb_event_or)
set "KB_EV_Q=*[System[Provider[@Name='%KB_EV_PROVIDER%'] and (%KB_EV_OR%)"
set "KB_EV_OR="
for %%i in (%KB_EV_LEVELS%) do (set "KB_N=Level=%%i" & call :kb_event_or)
set "KB_EV_Q=%KB_EV_Q% and (%KB_EV_OR%) and TimeCreated[timediff(@SystemTime) <= %KB_EV_MS%]"
exit /b 0
:kb_event_or
if defined KB_EV_OR set "KB_EV_OR=%KB_EV_OR% or "
set "KB_EV_OR=%KB_EV_OR%%KB_N%"
exit /b 0

:kb_event_newest
set "KB_PD=wevtutil cannot read the %KB_EV_LOG% log"
"%KB_WEVTUTIL%" qe "%KB_EV_LOG%" /rd:true /c:1 /f:xml >"%KB_TMP%" 2>nul
if errorlevel 1 goto :kb_probe_event_unknown
set "KB_EV_NEWEST="
for /f "usebackq eol=| delims=" %%L in ("%KB_TMP%") do (set "KB_V=%%L" & call :kb_event_line)
if not defined KB_EV_NEWEST set "KB_EV_NEWEST=0"
set "KB_EV_CUR=%KB_EV_NEWEST%"
exit /b 0

:kb_event_line
rem The newest event's <EventRecordID> in wevtutil's XML.
if defined KB_EV_NEWEST exit /b 0
call :kb_dequote
if not defined KB_V exit /b 0
set "KB_T=%KB_V:*<EventRecordID>=%"
if "%KB_T%"=="%KB_V%" exit /b 0
for /f "delims=<" %%n in ("%KB_T%") do set "KB_V=%%n"
call :kb_digits
if not errorlevel 1 set "KB_EV_NEWEST=%KB_V%"
exit /b 0

:kb_probe_event_end
if "%KB_PR%"=="U" goto :kb_probe_report
if "%KB_SEARCH%"=="1" if not defined KB_FOUND set "KB_PD=matching events in the %KB_EV_LOG% log, none with the data tokens"
if defined KB_FOUND set "KB_PR=1"
if defined KB_FOUND set "KB_PD=matching event in the %KB_EV_LOG% log with %KB_FOUND%"
goto :kb_probe_report

:kb_probe_event_token
rem One case variant of a data token (KB_TOK): with KB_EV_ALL=1 every token must be in the same
rem event (kb_probe_all_*), else any one of them counts (kb_probe_token).
if "%KB_EV_ALL%"=="1" goto :kb_probe_all_variant
goto :kb_probe_token

:kb_probe_all_begin
rem dataMatch all: wevtutil writes one event per line, so each token keeps the lines (events)
rem that carry it, in any of its case variants, and the next token searches only those. find
rem reads stdin, so no file name header line joins the kept lines. Only with KB_EV_ALL=1.
if not "%KB_EV_ALL%"=="1" exit /b 0
set "KB_ALL_GONE="
if not "%KB_SEARCH%"=="1" set "KB_ALL_GONE=1"
if defined KB_ALL_GONE exit /b 0
copy /y "%KB_SEARCHFILE%" "%KB_TMPALL%" >nul 2>&1
type nul >"%KB_TMPNEXT%" 2>nul
exit /b 0

:kb_probe_all_variant
if defined KB_ALL_GONE exit /b 0
"%KB_FIND%" "%KB_TOK%" <"%KB_TMPALL%" >>"%KB_TMPNEXT%" 2>nul
exit /b 0

:kb_probe_all_next
if not "%KB_EV_ALL%"=="1" exit /b 0
if defined KB_ALL_GONE exit /b 0
copy /y "%KB_TMPNEXT%" "%KB_TMPALL%" >nul 2>&1
type nul >"%KB_TMPNEXT%" 2>nul
set "KB_V=0"
for %%F in ("%KB_TMPALL%") do set "KB_V=%%~zF"
if "%KB_V%"=="0" set "KB_ALL_GONE=1"
exit /b 0

:kb_probe_all_end
rem Every token narrowed the events and some are left: one event carries them all.
if not "%KB_EV_ALL%"=="1" exit /b 0
if not defined KB_ALL_GONE set "KB_FOUND=all %KB_EV_TOKENS% data tokens"
exit /b 0
