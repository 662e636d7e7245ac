# ---- log.ps1: one CMTrace log per playbook, rolled over to .lo_ at 250,000 bytes ----
# Written with .NET calls, not Add-Content: under -WhatIf the cmdlets would skip the writes.
# Logging never throws: a run must not fail because its log cannot be written.

$script:KbLogFile = $null

$script:KbLogError = $null
$script:KbLogMaxBytes = 250000
$script:KbLogEncoding = New-Object System.Text.UTF8Encoding($true)

function Get-KbErrorText {
    # The message of an error record; .NET method errors are wrapped, so show the inner one.
    param([object]$ErrorRecord)
    if ($null -eq $ErrorRecord) { return '' }
    $exception = $ErrorRecord
    if ($ErrorRecord -is [System.Management.Automation.ErrorRecord]) { $exception = $ErrorRecord.Exception }
    if ($exception -is [System.Management.Automation.MethodInvocationException] -and $null -ne $exception.InnerException) {
        $exception = $exception.InnerException
    }
    if ($exception -is [System.Exception]) { return [string]$exception.Message }
    return [string]$exception
}

function Test-KbErrorIs {
    # True when the error or any inner exception is of the given type (PowerShell wraps .NET errors).
    param([object]$ErrorRecord, [type]$Type)
    $exception = $ErrorRecord
    if ($ErrorRecord -is [System.Management.Automation.ErrorRecord]) { $exception = $ErrorRecord.Exception }
    while ($null -ne $exception) {
        if ($exception -is $Type) { return $true }
        $exception = $exception.InnerException
    }
    return $false
}

function Get-KbDefaultLogFolder {
    # %windir%\CCM\Logs where a ConfigMgr client is installed; else the Intune Management
    # Extension's Logs folder where it is installed (Intune's "Collect diagnostics" uploads both
    # folders); else %windir%\Logs\kbfix.
    $windir = [Environment]::GetEnvironmentVariable('windir')
    if ([string]::IsNullOrEmpty($windir)) { return $null }
    $ccmLogs = [System.IO.Path]::Combine($windir, 'CCM\Logs')
    if ([System.IO.Directory]::Exists($ccmLogs)) { return $ccmLogs }
    $programData = [Environment]::GetEnvironmentVariable('ProgramData')
    if (-not [string]::IsNullOrEmpty($programData)) {
        $ime = [System.IO.Path]::Combine($programData, 'Microsoft\IntuneManagementExtension')
        if ([System.IO.Directory]::Exists($ime)) { return [System.IO.Path]::Combine($ime, 'Logs') }
    }
    return [System.IO.Path]::Combine($windir, 'Logs\kbfix')
}

function Initialize-KbLog {
    # Picks the first usable folder: -LogPath, the default folder, then the temp folder
    # (a detection run by a standard user cannot write under %windir%).
    param([string]$LogPath, [string]$Id)
    $folders = New-Object System.Collections.Generic.List[string]
    if (-not [string]::IsNullOrEmpty($LogPath)) { $folders.Add($LogPath) }
    $default = Get-KbDefaultLogFolder
    if ($null -ne $default) { $folders.Add($default) }
    $folders.Add([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'kbfix'))
    $problems = New-Object System.Collections.Generic.List[string]
    foreach ($folder in $folders) {
        try {
            if (-not (Test-KbFullyQualifiedPath -Path $folder)) { throw 'not a full path' }
            [void][System.IO.Directory]::CreateDirectory($folder)
            $file = [System.IO.Path]::Combine($folder, $Id + '.log')
            [System.IO.File]::AppendAllText($file, '', $script:KbLogEncoding)
            $script:KbLogFile = $file
            break
        } catch {
            $problems.Add(('cannot log to {0}: {1}' -f $folder, (Get-KbErrorText $_)))
        }
    }
    foreach ($problem in $problems) { Write-KbLog $problem 2 }
}

function ConvertTo-KbLogText {
    # One record per line, and no text that would end the CMTrace message early.
    param([string]$Message)
    $text = $Message -replace '[\r\n]+', ' | '
    return $text.Replace(']LOG]!>', ']LOG]!)')
}

function Format-KbLogLine {
    # Bias = minus the UTC offset in minutes (Pacific standard time is +480), sign always shown.
    param([string]$Message, [int]$Type, [DateTime]$Time)
    $invariant = [System.Globalization.CultureInfo]::InvariantCulture
    $offsetMinutes = [System.TimeZoneInfo]::Local.GetUtcOffset($Time).TotalMinutes
    $bias = -1 * [int]$offsetMinutes
    $clock = $Time.ToString('HH:mm:ss.fff', $invariant) + $bias.ToString('+000;-000;+000', $invariant)
    $date = $Time.ToString('MM-dd-yyyy', $invariant)
    return '<![LOG[' + (ConvertTo-KbLogText $Message) + ']LOG]!><time="' + $clock + '" date="' + $date +
        '" component="kbfix" context="" type="' + $Type + '" thread="' + $PID + '" file="">'
}

function Invoke-KbLogRollover {
    # Like ConfigMgr: the full log becomes <name>.lo_ (one history file) and a new one starts.
    param([string]$Path)
    $info = New-Object System.IO.FileInfo($Path)
    if (-not $info.Exists -or $info.Length -lt $script:KbLogMaxBytes) { return }
    $history = [System.IO.Path]::ChangeExtension($Path, '.lo_')
    if ([System.IO.File]::Exists($history)) { [System.IO.File]::Delete($history) }
    [System.IO.File]::Move($Path, $history)
}

function Write-KbLog {
    # Type: 1 information, 2 warning, 3 error. Nothing before Initialize-KbLog has found a file:
    # a script that never calls it (the ConfigMgr application detection, entry Start-KbAppDetect)
    # writes no log, and the shaker leaves the CMTrace writer out of it (src/emit/ps1/tree-shake.ts).
    param([string]$Message, [int]$Type = 1)
    if ($null -ne $script:KbLogFile) { Add-KbLogLine -Message $Message -Type $Type }
}

function Add-KbLogLine {
    # The CMTrace writer: one record, rolling the file over first when it is full.
    param([string]$Message, [int]$Type)
    if ($Type -lt 1 -or $Type -gt 3) { $Type = 1 }
    try {
        Invoke-KbLogRollover -Path $script:KbLogFile
        $line = Format-KbLogLine -Message $Message -Type $Type -Time ([DateTime]::Now)
        [System.IO.File]::AppendAllText($script:KbLogFile, $line + "`r`n", $script:KbLogEncoding)
    } catch {
        $script:KbLogError = Get-KbErrorText $_
    }
}
