# ---- log.ps1: one CMTrace log per playbook, rolled over to .lo_ at 250,000 bytes ----
# Written with .NET calls, not Add-Content: under -WhatIf the cmdlets would skip the writes.
# Logging never throws: a run must not fail because its log cannot be written.

$script:KbLogFile = $null

$script:KbLogError = $null
$script:KbLogMaxBytes = 250000
$script:KbLogEncoding = New-Object System.Text.UTF8Encoding($true)

function Get-KbErrorText {
    # The message of an error record; .NET method errors are wrapped, so show the inner one.
    # No record ($null) gives '', as [string]$null does.
    param([object]$ErrorRecord)
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
    $ime = [System.IO.Path]::Combine([string]$programData, 'Microsoft\IntuneManagementExtension')
    if ($programData -and [System.IO.Directory]::Exists($ime)) { return $ime + '\Logs' }
    return [System.IO.Path]::Combine($windir, 'Logs\kbfix')
}

function Initialize-KbLog {
    # Picks the first usable folder: -LogPath, the default folder, then the temp folder
    # (a detection run by a standard user cannot write under %windir%).
    param([string]$LogPath, [string]$Id)
    $problems = @()
    $temp = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'kbfix')
    foreach ($folder in @($LogPath, (Get-KbDefaultLogFolder), $temp)) {
        if ([string]::IsNullOrEmpty($folder)) { continue }
        try {
            if (-not (Test-KbFullyQualifiedPath -Path $folder)) { throw 'not a full path' }
            [void][System.IO.Directory]::CreateDirectory($folder)
            $file = [System.IO.Path]::Combine($folder, $Id + '.log')
            [System.IO.File]::AppendAllText($file, '', $script:KbLogEncoding)
            $script:KbLogFile = $file
            break
        } catch {
            $problems += 'cannot log to ' + $folder + ': ' + (Get-KbErrorText $_)
        }
    }
    foreach ($problem in $problems) { Write-KbLog $problem 2 }
}

function Format-KbLogLine {
    # Bias = minus the UTC offset in minutes (Pacific standard time is +480), sign always shown.
    # The message: one record per line, and no text that would end the CMTrace message early.
    param([string]$Message, [int]$Type, [DateTime]$Time)
    $invariant = [System.Globalization.CultureInfo]::InvariantCulture
    $bias = -1 * [int][System.TimeZoneInfo]::Local.GetUtcOffset($Time).TotalMinutes
    $text = ($Message -replace '[\r\n]+', ' | ').Replace(']LOG]!>', ']LOG]!)')
    return '<![LOG[' + $text + ']LOG]!><time="' + $Time.ToString('HH:mm:ss.fff', $invariant) +
        $bias.ToString('+000;-000;+000', $invariant) + '" date="' + $Time.ToString('MM-dd-yyyy', $invariant) +
        '" component="kbfix" context="" type="' + $Type + '" thread="' + $PID + '" file="">'
}

function Write-KbLog {
    # Type: 1 information, 2 warning, 3 error. Nothing before Initialize-KbLog has found a file:
    # a script that never calls it (the ConfigMgr application detection, entry Start-KbAppDetect)
    # writes no log, and the shaker leaves the CMTrace writer out of it (src/emit/ps1/tree-shake.ts).
    param([string]$Message, [int]$Type = 1)
    if ($null -ne $script:KbLogFile) { Add-KbLogLine -Message $Message -Type $Type }
}

function Add-KbLogLine {
    # The CMTrace writer: one record, rolling the file over first when it is full. Like ConfigMgr,
    # the full log becomes <name>.lo_ (one history file) and a new one starts. Every caller passes
    # a type of 1, 2 or 3.
    param([string]$Message, [int]$Type)
    try {
        $path = $script:KbLogFile
        $info = New-Object System.IO.FileInfo($path)
        if ($info.Exists -and $info.Length -ge $script:KbLogMaxBytes) {
            $history = [System.IO.Path]::ChangeExtension($path, '.lo_')
            if ([System.IO.File]::Exists($history)) { [System.IO.File]::Delete($history) }
            [System.IO.File]::Move($path, $history)
        }
        $line = Format-KbLogLine -Message $Message -Type $Type -Time ([DateTime]::Now)
        [System.IO.File]::AppendAllText($path, $line + "`r`n", $script:KbLogEncoding)
    } catch {
        $script:KbLogError = Get-KbErrorText $_
    }
}
