# ---- state.ps1: what the last successful run left behind, so old evidence stops counting ----
# %ProgramData%\kbfix\<id>\state.json holds the time of the last successful run (UTC, round-trip
# format) and, per file-contains probe, the byte length of the file at that run. Event and
# file-contains probes count only what is newer ("history evidence"). Only the remediation saves
# it, and only when its final detection is clean; the detection script reads it and never writes.
#
# Within one remediation run: once a method has really changed something, the history baseline
# moves to the start of this run (old events and log lines are what the fix addressed), so the
# re-detection after that method, and the final one, count only evidence logged since the run began.

# KbHistorySinceUtc: events older than this (UTC) are history; $null = no successful run yet.
# KbHistoryOffsets: per file, the bytes the last successful run examined (none = read it all).
# KbObservedLengths: per file, how far a file-contains probe read it in this run; saved as its
# offset when the run succeeds. The probes read and write these directly.
$script:KbHistorySinceUtc = $null
$script:KbHistoryOffsets = @{}
$script:KbObservedLengths = @{}

$script:KbRunStartUtc = [DateTime]::UtcNow
$script:KbStartLengths = @{}

$script:KbStateSddl = 'D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)'

function Get-KbStateFile {
    $programData = [Environment]::GetEnvironmentVariable('ProgramData')
    if (-not (Test-KbFullyQualifiedPath -Path $programData)) { throw '%ProgramData% is not a full path' }
    return [System.IO.Path]::Combine($programData, 'kbfix\' + (Get-KbPlaybookId) + '\state.json')
}

function Test-KbTrustedOwner {
    # State decides what counts as evidence: trust only a file owned by SYSTEM or Administrators,
    # not one a standard user planted in %ProgramData% (which users may write to).
    param([string]$Path)
    $owner = (Get-Acl -LiteralPath $Path).GetOwner([System.Security.Principal.SecurityIdentifier])
    return ($owner.Value -eq 'S-1-5-18' -or $owner.Value -eq 'S-1-5-32-544')
}

function ConvertTo-KbUtcTime {
    # 5.1's ConvertFrom-Json leaves ISO strings as strings; 7 makes them DateTime (or DateTimeOffset).
    param([object]$Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [DateTimeOffset]) { return $Value.UtcDateTime }
    if ($Value -isnot [DateTime]) {
        $styles = [System.Globalization.DateTimeStyles]::RoundtripKind
        $Value = [DateTime]::Parse([string]$Value, [System.Globalization.CultureInfo]::InvariantCulture, $styles)
    }
    return $Value.ToUniversalTime()
}

function Read-KbState {
    # Never throws: an unreadable or untrusted state file means "no successful run yet".
    # An escalating remediation passes Set-KbLadderFromState as -LadderReader (the ladder is its
    # concern alone), so the detection script, which passes nothing, carries no ladder code.
    # Called once per run, before any probe: the history stays as the script set it ($null, no
    # offsets) unless the whole file is read.
    param([scriptblock]$LadderReader = $null)
    try {
        $path = Get-KbStateFile
        if (-not [System.IO.File]::Exists($path)) {
            Write-KbLog ('no state yet (' + $path + '): all evidence in the time windows counts')
            return
        }
        if (-not (Test-KbTrustedOwner -Path $path)) {
            Write-KbLog ('ignoring ' + $path + ': not owned by SYSTEM or Administrators') 2
            return
        }
        # A property the file lacks reads as $null (strict mode forbids $state.<missing>).
        $state = [System.IO.File]::ReadAllText($path, [System.Text.Encoding]::UTF8) | ConvertFrom-Json
        $saved = @{}
        foreach ($property in $state.PSObject.Properties) { $saved[$property.Name] = $property.Value }
        $since = ConvertTo-KbUtcTime -Value $saved['lastSuccessUtc']
        $offsets = @{}
        if ($null -ne $saved['fileOffsets']) {
            foreach ($property in $saved['fileOffsets'].PSObject.Properties) { $offsets[$property.Name] = [int64]$property.Value }
        }
        if ($null -ne $LadderReader) { & $LadderReader -Ladder $saved['ladder'] }
        $script:KbHistorySinceUtc = $since
        $script:KbHistoryOffsets = $offsets
        Write-KbLog ('last successful run: ' + (Format-KbUtc $since) + ' (' + $path + ')')
    } catch {
        Write-KbLog ('cannot read the state, treating all evidence as new: ' + (Get-KbErrorText $_)) 2
    }
}

function Format-KbUtc {
    param([object]$Time)
    if ($null -eq $Time) { return 'never' }
    return $Time.ToString('yyyy-MM-dd HH:mm:ss', [System.Globalization.CultureInfo]::InvariantCulture) + ' UTC'
}

function Save-KbStartLengths {
    # Called after the first detection: these lengths are where "since the run began" starts.
    $script:KbStartLengths = @{}
    foreach ($path in @($script:KbObservedLengths.Keys)) {
        $script:KbStartLengths[$path] = $script:KbObservedLengths[$path]
    }
}

function Move-KbHistoryBaseline {
    # A method changed something: what was logged before this run is what it fixed.
    param([string]$Reason)
    if ($null -ne $script:KbHistorySinceUtc -and $script:KbHistorySinceUtc -ge $script:KbRunStartUtc) { return }
    $script:KbHistorySinceUtc = $script:KbRunStartUtc
    foreach ($path in @($script:KbStartLengths.Keys)) {
        $script:KbHistoryOffsets[$path] = $script:KbStartLengths[$path]
    }
    Write-KbLog ($Reason + ' changed something: from now on only evidence newer than this run counts')
}

function New-KbStateFolder {
    # %ProgramData%\kbfix is created with a DACL that lets only SYSTEM and Administrators write.
    param([string]$Folder)
    if ([System.IO.Directory]::Exists($Folder)) { return }
    $parent = [System.IO.Path]::GetDirectoryName($Folder)
    if (-not [System.IO.Directory]::Exists($parent)) {
        [void][System.IO.Directory]::CreateDirectory($parent)
        $security = New-Object System.Security.AccessControl.DirectorySecurity
        $security.SetSecurityDescriptorSddlForm($script:KbStateSddl)
        Set-Acl -LiteralPath $parent -AclObject $security -WhatIf:$false -Confirm:$false
    }
    [void][System.IO.Directory]::CreateDirectory($Folder)
}

function Save-KbState {
    # DetectedUtc: when the clean final detection started; nothing up to then was evidence.
    param([DateTime]$DetectedUtc)
    try {
        $path = Get-KbStateFile
        New-KbStateFolder -Folder ([System.IO.Path]::GetDirectoryName($path))
        $offsets = [ordered]@{}
        foreach ($key in @($script:KbHistoryOffsets.Keys | Sort-Object)) { $offsets[$key] = $script:KbHistoryOffsets[$key] }
        foreach ($key in @($script:KbObservedLengths.Keys | Sort-Object)) { $offsets[$key] = $script:KbObservedLengths[$key] }
        $state = [ordered]@{
            playbook = Get-KbPlaybookId
            lastSuccessUtc = $DetectedUtc.ToUniversalTime().ToString('o')
            fileOffsets = $offsets
            ladder = $null
        }
        if ([string]$script:KbPlaybook['Strategy'] -eq 'escalate') { $state['ladder'] = Get-KbLadderForState }
        Write-KbUtf8File -Path $path -Text (ConvertTo-Json -InputObject $state -Depth 3)
        Write-KbLog ('state saved: last successful run ' + (Format-KbUtc $DetectedUtc) + ' (' + $path + ')')
    } catch {
        Write-KbLog ('cannot save the state: ' + (Get-KbErrorText $_)) 2
    }
}
