# ---- probes/event.ps1: event log entries by log, provider, event ID and level (docs/emitted-script-rules.md#events-by-id) ----
# Never by message text, which is localized. Only events newer than both the time window and the
# last successful run count (state.ps1). DataContains looks in the event's data (its insertion
# strings and its EventData/UserData XML), not in the rendered message: with DataMatch 'any' one
# of its tokens must be there, with 'all' every one, in the same event.

function Get-KbEvents {
    # Newest first. When the provider is not registered on this machine, or Windows says it does not
    # write to that log, the query runs without ProviderName and compares the provider name here.
    # Get-WinEvent reports "no events" as an error; its id does not depend on the display language.
    param([string]$Log, [string]$Provider, [int[]]$Ids, [int[]]$Levels, [DateTime]$Since, [int]$Max)
    $filter = @{ LogName = $Log; ProviderName = $Provider; Id = $Ids; Level = $Levels; StartTime = $Since }
    try {
        Get-WinEvent -FilterHashtable $filter -MaxEvents $Max -ErrorAction Stop
        return
    } catch {
        if ([string]$_.FullyQualifiedErrorId -like 'NoMatchingEventsFound*') { return }
        Write-KbLog ('event query with provider ' + $Provider + ' failed (' + (Get-KbErrorText $_) + '); filtering the provider name instead')
    }
    $filter.Remove('ProviderName')
    try {
        Get-WinEvent -FilterHashtable $filter -MaxEvents ($Max * 10) -ErrorAction Stop | Where-Object { $_.ProviderName -eq $Provider }
    } catch {
        if ([string]$_.FullyQualifiedErrorId -notlike 'NoMatchingEventsFound*') { throw }
    }
}

function Test-KbEventTokens {
    # Does the event's data hold one of the tokens (any) or every one of them (all), case-insensitive?
    # Its data: its values (insertion strings), and the EventData or UserData part of its XML, which
    # also holds nested UserData values that Properties does not list; never the System part or the
    # rendered message. Read once per event, not once per token.
    param([object]$Record, [string[]]$Tokens, [string]$Match)
    $data = @($Record.Properties | ForEach-Object { [string]$_.Value })
    $xml = [string]$Record.ToXml()
    $start = $xml.IndexOf('<EventData', [System.StringComparison]::Ordinal)
    if ($start -lt 0) { $start = $xml.IndexOf('<UserData', [System.StringComparison]::Ordinal) }
    if ($start -ge 0) { $data += $xml.Substring($start) }
    # The first token found decides 'any' (true); the first one missing decides 'all' (false).
    $all = $Match -eq 'all'
    foreach ($token in $Tokens) {
        $found = @($data | Where-Object { $_.IndexOf($token, [System.StringComparison]::OrdinalIgnoreCase) -ge 0 }).Count -gt 0
        if ($found -ne $all) { return $found }
    }
    return $all
}

function Test-KbEventProbe {
    # Counts events newer than the later of (now - WithinDays) and the history baseline (local time
    # for Get-WinEvent).
    param(
        [string]$Id,
        [string]$Log,
        [string]$Provider,
        [int[]]$Ids,
        [int[]]$Levels,
        [int]$WithinDays = 30,
        [string[]]$DataContains = @(),
        [string]$DataMatch = 'any'
    )
    try {
        $tokens = @($DataContains | Where-Object { $_ })
        $since = [DateTime]::UtcNow.AddDays(-1 * [Math]::Max($WithinDays, 1))
        $history = $script:KbHistorySinceUtc
        if ($null -ne $history -and $history -gt $since) { $since = $history }
        $since = $since.ToLocalTime()
        $max = 50
        $what = $Log + ' events ' + ($Ids -join '/') + ' from ' + $Provider
        if ($tokens.Count -gt 0) {
            $max = 500
            $joiner = ' or '
            if ($DataMatch -eq 'all') { $joiner = ' and ' }
            $what += ' with ' + ($tokens -join $joiner) + ' in their data'
        }
        $records = @(Get-KbEvents -Log $Log -Provider $Provider -Ids $Ids -Levels $Levels -Since $since -Max $max)
        if ($tokens.Count -gt 0) {
            $records = @($records | Where-Object { Test-KbEventTokens -Record $_ -Tokens $tokens -Match $DataMatch })
        }
        $invariant = [System.Globalization.CultureInfo]::InvariantCulture
        $what += ' since ' + $since.ToString('yyyy-MM-dd HH:mm', $invariant)
        if ($records.Count -eq 0) { return (New-KbProbeResult -Id $Id -Present $false -Detail ('no ' + $what)) }
        $count = [string]$records.Count
        if ($records.Count -ge $max) { $count += '+' }
        $newest = $records[0].TimeCreated.ToString('yyyy-MM-dd HH:mm:ss', $invariant)
        return (New-KbProbeResult -Id $Id -Present $true -Detail ($count + ' ' + $what + ', newest ' + $newest))
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
