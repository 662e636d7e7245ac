# ---- probes/event.ps1: event log entries by log, provider, event ID and level (docs/emitted-script-rules.md#events-by-id) ----
# Never by message text, which is localized. Only events newer than both the time window and the
# last successful run count (state.ps1). DataContains looks in the event's data (its insertion
# strings and its EventData/UserData XML), not in the rendered message: with DataMatch 'any' one
# of its tokens must be there, with 'all' every one, in the same event.

function Get-KbEventStartTime {
    # The later of (now - WithinDays) and the history baseline, as local time for Get-WinEvent.
    param([int]$WithinDays)
    $start = [DateTime]::UtcNow.AddDays(-1 * [Math]::Max($WithinDays, 1))
    $since = Get-KbHistorySince
    if ($null -ne $since -and $since -gt $start) { $start = $since }
    return $start.ToLocalTime()
}

function Test-KbNoEventsError {
    # Get-WinEvent reports "no events" as an error; its id does not depend on the display language.
    param([object]$ErrorRecord)
    return ([string]$ErrorRecord.FullyQualifiedErrorId -like 'NoMatchingEventsFound*')
}

function Get-KbEvents {
    # Newest first. When the provider is not registered on this machine, or Windows says it does not
    # write to that log, the query runs without ProviderName and compares the provider name here.
    param([string]$Log, [string]$Provider, [int[]]$Ids, [int[]]$Levels, [DateTime]$Since, [int]$Max)
    $filter = @{ LogName = $Log; ProviderName = $Provider; Id = $Ids; Level = $Levels; StartTime = $Since }
    try {
        Get-WinEvent -FilterHashtable $filter -MaxEvents $Max -ErrorAction Stop
        return
    } catch {
        if (Test-KbNoEventsError -ErrorRecord $_) { return }
        Write-KbLog ('event query with provider ' + $Provider + ' failed (' + (Get-KbErrorText $_) + '); filtering the provider name instead')
    }
    $filter.Remove('ProviderName')
    try {
        Get-WinEvent -FilterHashtable $filter -MaxEvents ($Max * 10) -ErrorAction Stop | Where-Object { $_.ProviderName -eq $Provider }
    } catch {
        if (Test-KbNoEventsError -ErrorRecord $_) { return }
        throw
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
    foreach ($token in $Tokens) {
        $found = @($data | Where-Object { $_.IndexOf($token, [System.StringComparison]::OrdinalIgnoreCase) -ge 0 }).Count -gt 0
        if ($found -and $Match -ne 'all') { return $true }
        if (-not $found -and $Match -eq 'all') { return $false }
    }
    return ($Match -eq 'all')
}

function Test-KbEventProbe {
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
        $tokens = @($DataContains | Where-Object { -not [string]::IsNullOrEmpty($_) })
        $since = Get-KbEventStartTime -WithinDays $WithinDays
        $max = 50
        if ($tokens.Count -gt 0) { $max = 500 }
        $records = @(Get-KbEvents -Log $Log -Provider $Provider -Ids $Ids -Levels $Levels -Since $since -Max $max)
        if ($tokens.Count -gt 0) {
            $records = @($records | Where-Object { Test-KbEventTokens -Record $_ -Tokens $tokens -Match $DataMatch })
        }
        $what = $Log + ' events ' + ($Ids -join '/') + ' from ' + $Provider
        $joiner = ' or '
        if ($DataMatch -eq 'all') { $joiner = ' and ' }
        if ($tokens.Count -gt 0) { $what += ' with ' + ($tokens -join $joiner) + ' in their data' }
        $invariant = [System.Globalization.CultureInfo]::InvariantCulture
        $when = $since.ToString('yyyy-MM-dd HH:mm', $invariant)
        if ($records.Count -eq 0) {
            return (New-KbProbeResult -Id $Id -Present $false -Detail ('no ' + $what + ' since ' + $when))
        }
        $newest = $records[0].TimeCreated.ToString('yyyy-MM-dd HH:mm:ss', $invariant)
        $count = [string]$records.Count
        if ($records.Count -ge $max) { $count += '+' }
        return (New-KbProbeResult -Id $Id -Present $true -Detail ($count + ' ' + $what + ' since ' + $when + ', newest ' + $newest))
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
