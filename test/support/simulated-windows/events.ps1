# Replaces Get-WinEvent -FilterHashtable: records come from the world (events: log, provider,
# id, level, time, data). No match is the same error Windows gives (NoMatchingEventsFound).

class KbSimEventProperty {
    [object]$Value
    KbSimEventProperty([object]$value) { $this.Value = $value }
}

class KbSimEvent {
    [string]$LogName
    [string]$ProviderName
    [int]$Id
    [int]$Level
    [DateTime]$TimeCreated
    [object[]]$Properties
    [string] ToXml() {
        $data = ($this.Properties | ForEach-Object { '<Data>' + [System.Security.SecurityElement]::Escape([string]$_.Value) + '</Data>' }) -join ''
        return '<Event><System><Provider Name="' + $this.ProviderName + '"/><EventID>' + $this.Id + '</EventID></System><EventData>' + $data + '</EventData></Event>'
    }
}

function global:Test-KbSimEventMatch {
    param([hashtable]$Record, [hashtable]$Filter)
    if ($Filter.ContainsKey('LogName') -and [string]$Record['log'] -ine [string]$Filter['LogName']) { return $false }
    if ($Filter.ContainsKey('ProviderName') -and [string]$Record['provider'] -ine [string]$Filter['ProviderName']) { return $false }
    if ($Filter.ContainsKey('Id') -and @($Filter['Id']) -notcontains [int]$Record['id']) { return $false }
    if ($Filter.ContainsKey('Level') -and @($Filter['Level']) -notcontains [int]$Record['level']) { return $false }
    $time = ([DateTime]::Parse([string]$Record['time'], [cultureinfo]::InvariantCulture, 'RoundtripKind')).ToUniversalTime()
    if ($Filter.ContainsKey('StartTime') -and $time -lt ([DateTime]$Filter['StartTime']).ToUniversalTime()) { return $false }
    return $true
}

function global:Get-WinEvent {
    [CmdletBinding()]
    param([hashtable]$FilterHashtable, [int64]$MaxEvents = [int64]::MaxValue)
    $found = @(@((Get-KbSimSection 'eventlog')['records']) | Where-Object { $null -ne $_ -and (Test-KbSimEventMatch -Record $_ -Filter $FilterHashtable) })
    $unknown = @((Get-KbSimSection 'eventlog')['unknownProviders'])
    if ($FilterHashtable.ContainsKey('ProviderName') -and $unknown -contains $FilterHashtable['ProviderName']) {
        $exception = [System.Exception]::new('There is not an event provider on the localhost computer that matches "' + $FilterHashtable['ProviderName'] + '".')
        $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new($exception, 'NoMatchingProvidersFound', 'ObjectNotFound', $null))
        return
    }
    if ($found.Count -eq 0) {
        $exception = [System.Exception]::new('No events were found that match the specified selection criteria.')
        $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new($exception, 'NoMatchingEventsFound', 'ObjectNotFound', $null))
        return
    }
    $sorted = $found | Sort-Object { [DateTime]::Parse([string]$_['time'], [cultureinfo]::InvariantCulture, 'RoundtripKind').ToUniversalTime() } -Descending
    $sorted | Select-Object -First $MaxEvents | ForEach-Object {
        $event = [KbSimEvent]::new()
        $event.LogName = $_['log']; $event.ProviderName = $_['provider']; $event.Id = $_['id']; $event.Level = $_['level']
        $event.TimeCreated = [DateTime]::Parse([string]$_['time'], [cultureinfo]::InvariantCulture, 'RoundtripKind').ToLocalTime()
        $event.Properties = @(@($_['data']) | Where-Object { $null -ne $_ } | ForEach-Object { [KbSimEventProperty]::new($_) })
        $event
    }
}
