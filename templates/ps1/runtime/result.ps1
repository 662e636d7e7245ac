# ---- result.ps1: one record per step, the counts for the recap, the JSON result file ----
# Statuses: ok, changed, skipped, failed, not-applicable, manual. A record made under -WhatIf
# has whatIf = true and says what would change (before -> after); nothing was changed.

$script:KbResults = New-Object System.Collections.Generic.List[object]
$script:KbCurrentMethodId = $null
$script:KbResultFile = $null
$script:KbStatuses = @('ok', 'changed', 'skipped', 'failed', 'not-applicable', 'manual')
# Set by Start-KbRun (preflight.ps1); read here and by ladder.ps1.
$script:KbSelectedMethods = @()
$script:KbWhatIf = $false
# Under -WhatIf with strategy escalate: the first method that would change something. Later
# methods run in a real run only if it does not fix the problem, so their changes are conditional.
$script:KbPreviewConditionalOn = ''

function Format-KbShort {
    # Before/after values and messages stay one short line in the log and the JSON.
    param([object]$Value, [int]$Max = 200)
    if ($null -eq $Value) { return '' }
    $text = ([string]$Value) -replace '[\r\n\t]+', ' '
    if ($text.Length -gt $Max) { $text = $text.Substring(0, $Max - 3) + '...' }
    return $text
}

function Get-KbResultLogType {
    # failed -> error; not-applicable and skips that need attention -> warning; the rest -> info.
    param([string]$Status, [bool]$Warn)
    if ($Status -eq 'failed') { return 3 }
    if ($Status -eq 'not-applicable' -or $Warn) { return 2 }
    return 1
}

function Format-KbResultLine {
    param([object]$Record)
    $text = '[' + $Record.id + '] ' + $Record.status
    if ($Record.whatIf) { $text += ' (WhatIf, nothing changed)' }
    if ($Record.conditionalOn.Length -gt 0) { $text += ' (only if method ' + $Record.conditionalOn + ' does not fix the problem)' }
    if ($Record.before.Length -gt 0 -or $Record.after.Length -gt 0) {
        $text += ': ' + $Record.before + ' -> ' + $Record.after
    }
    if ($Record.message.Length -gt 0) { $text += '; ' + $Record.message }
    return $text
}

function Add-KbResult {
    # -Simulated: the change was only predicted (-WhatIf). -Warn: a skip that needs attention.
    # Before/After are text for the log; BeforeValue/AfterValue the same states as typed data
    # (a state step's registry type and data, attribute mask, ...), for a later rollback.
    param(
        [string]$Id,
        [string]$Status,
        [string]$Before = '',
        [string]$After = '',
        [object]$BeforeValue = $null,
        [object]$AfterValue = $null,
        [string]$Message = '',
        [switch]$Simulated,
        [switch]$Warn
    )
    if ($script:KbStatuses -notcontains $Status) {
        $Message = 'unknown status ' + $Status + '; ' + $Message
        $Status = 'failed'
    }
    $record = [pscustomobject]@{
        id = $Id
        method = $script:KbCurrentMethodId
        status = $Status.ToLowerInvariant()
        before = (Format-KbShort $Before)
        after = (Format-KbShort $After)
        beforeValue = $BeforeValue
        afterValue = $AfterValue
        message = (Format-KbShort $Message 1000)
        whatIf = [bool]$Simulated
        conditionalOn = ''
    }
    if ($Simulated) { $record.conditionalOn = $script:KbPreviewConditionalOn }
    $script:KbResults.Add($record)
    Write-KbLog (Format-KbResultLine -Record $record) (Get-KbResultLogType -Status $Status -Warn ([bool]$Warn))
}

function Get-KbResultCounts {
    $counts = [ordered]@{}
    foreach ($status in $script:KbStatuses) { $counts[$status] = 0 }
    foreach ($record in $script:KbResults) {
        if ($counts.Contains($record.status)) { $counts[$record.status] += 1 }
    }
    return $counts
}

function Test-KbAnyResult {
    # Is there a record with this status, optionally of one method and only real (not -WhatIf) ones?
    param([string]$Status, [string]$Method = '', [switch]$RealOnly, [switch]$SimulatedOnly)
    foreach ($record in $script:KbResults) {
        if ($record.status -ne $Status) { continue }
        if ($Method.Length -gt 0 -and $record.method -ne $Method) { continue }
        if ($RealOnly -and $record.whatIf) { continue }
        if ($SimulatedOnly -and -not $record.whatIf) { continue }
        return $true
    }
    return $false
}

function Write-KbUtf8File {
    # UTF-8 without BOM, written beside the target first so a reader never sees half a file.
    param([string]$Path, [string]$Text)
    $temporary = $Path + '.tmp'
    [System.IO.File]::WriteAllText($temporary, $Text, (New-Object System.Text.UTF8Encoding($false)))
    [System.IO.File]::Copy($temporary, $Path, $true)
    [System.IO.File]::Delete($temporary)
}

function New-KbResultDocument {
    # Remediation only: reads the run's variables from preflight.ps1 and probes/join.ps1, and
    # the playbook and runtime hash its data section always defines.
    param([string]$Outcome, [int]$ExitCode, [string]$Message)
    $playbook = $script:KbPlaybook
    return [ordered]@{
        tool = 'kbfix'
        resultSchemaVersion = 1
        playbook = [ordered]@{
            id = $playbook['Id']
            title = $playbook['Title']
            kb = @($playbook['Kb'])
            toolVersion = $playbook['ToolVersion']
            schemaVersion = $playbook['SchemaVersion']
            sourceSha256 = $playbook['SourceSha256']
        }
        runtimeSha256 = $script:KbRuntimeSha256
        outcome = $Outcome
        exitCode = $ExitCode
        message = $Message
        whatIf = [bool]$script:KbWhatIf
        computer = [Environment]::MachineName
        account = [System.Security.Principal.WindowsIdentity]::GetCurrent().Name
        startedUtc = $script:KbRunStartUtc.ToString('o')
        finishedUtc = [DateTime]::UtcNow.ToString('o')
        selectedMethods = @($script:KbSelectedMethods)
        evidenceBefore = (ConvertTo-KbEvidenceRecord -Evidence $script:KbEvidenceBefore)
        evidenceAfter = (ConvertTo-KbEvidenceRecord -Evidence $script:KbEvidenceAfter)
        results = @($script:KbResults.ToArray())
        log = $script:KbLogFile
        logError = $script:KbLogError
    }
}

function Write-KbResultFile {
    # <id>.result.json next to the log.
    param([string]$Outcome, [int]$ExitCode, [string]$Message)
    if ($null -eq $script:KbLogFile) { return }
    try {
        $folder = [System.IO.Path]::GetDirectoryName($script:KbLogFile)
        $script:KbResultFile = [System.IO.Path]::Combine($folder, (Get-KbPlaybookId) + '.result.json')
        $document = New-KbResultDocument -Outcome $Outcome -ExitCode $ExitCode -Message $Message
        Write-KbUtf8File -Path $script:KbResultFile -Text (ConvertTo-Json -InputObject $document -Depth 5)
        Write-KbLog ('result written to ' + $script:KbResultFile)
    } catch {
        Write-KbLog ('cannot write the result file: ' + (Get-KbErrorText $_)) 2
    }
}
