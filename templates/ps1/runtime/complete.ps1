# ---- complete.ps1: detect again, decide the outcome, report, exit ----
# Outcome, the first rule that applies:
#   the detection failed at the start            -> StepFailed
#   no evidence at the start                     -> Compliant
#   a step failed                                -> StepFailed
#   the final detection failed                   -> StepFailed
#   under -WhatIf, changes are pending           -> StillPresent (nothing was changed)
#   the evidence is gone                         -> Fixed, FixedSoftReboot or FixedHardReboot: the
#                                                   highest reboot of the methods that changed something
#                                                   (under -WhatIf: Compliant, it went away by itself)
#   the evidence remains and a step was manual   -> ManualActionNeeded
#   otherwise                                    -> StillPresent
# The state is saved only by a real run whose final detection is clean. The recap is the last
# line on stdout; the mutex is released; the exit code comes from $script:KbExitCodes.

function Get-KbFixedOutcome {
    $reboot = 'none'
    foreach ($id in @($script:KbMethodReboots.Keys)) {
        if (-not (Test-KbAnyResult -Status 'changed' -Method $id -RealOnly)) { continue }
        $value = [string]$script:KbMethodReboots[$id]
        if ($value -eq 'hard') { $reboot = 'hard' }
        if ($value -eq 'soft' -and $reboot -ne 'hard') { $reboot = 'soft' }
    }
    if ($reboot -eq 'hard') { return 'FixedHardReboot' }
    if ($reboot -eq 'soft') { return 'FixedSoftReboot' }
    return 'Fixed'
}

function Get-KbOutcome {
    param([object]$After)
    if ($script:KbDetectionFailedAtStart -or $null -eq $script:KbEvidenceBefore) { return 'StepFailed' }
    if (-not $script:KbEvidenceBefore.Present) { return 'Compliant' }
    if (Test-KbAnyResult -Status 'failed') { return 'StepFailed' }
    if ($null -eq $After) { return 'StepFailed' }
    if ($script:KbWhatIf -and (Test-KbAnyResult -Status 'changed' -SimulatedOnly)) { return 'StillPresent' }
    if (-not $After.Present) {
        if ($script:KbWhatIf) { return 'Compliant' }
        return (Get-KbFixedOutcome)
    }
    if (Test-KbAnyResult -Status 'manual') { return 'ManualActionNeeded' }
    return 'StillPresent'
}

function Get-KbExitCode {
    param([string]$Outcome)
    # The remediation's data section always defines $script:KbExitCodes (Exit-KbUnexpected reads
    # it directly too); an outcome missing from it would be a bug, still answered with 2.
    if ($script:KbExitCodes.ContainsKey($Outcome)) { return [int]$script:KbExitCodes[$Outcome] }
    Write-KbLog ('no exit code for outcome ' + $Outcome + ': using 2 (StepFailed)') 3
    return 2
}

function Get-KbOutcomeLogType {
    param([string]$Outcome)
    if (@('StepFailed', 'NotElevated', 'BadArguments') -contains $Outcome) { return 3 }
    if (@('StillPresent', 'ManualActionNeeded', 'Busy') -contains $Outcome) { return 2 }
    return 1
}

function Format-KbRecap {
    # kbfix <id>: <outcome> (exit N) ok=.. changed=.. skipped=.. failed=.. not-applicable=.. manual=.. log=<path>
    param([string]$Outcome, [int]$ExitCode)
    $counts = Get-KbResultCounts
    $parts = @($counts.Keys | ForEach-Object { $_ + '=' + $counts[$_] })
    $log = '(none)'
    if ($null -ne $script:KbLogFile) { $log = $script:KbLogFile }
    return ('kbfix ' + (Get-KbPlaybookId) + ': ' + $Outcome + ' (exit ' + $ExitCode + ') ' + ($parts -join ' ') + ' log=' + $log)
}

function Exit-KbMutex {
    if ($null -eq $script:KbMutex) { return }
    try {
        $script:KbMutex.ReleaseMutex()
    } catch {
        Write-KbLog ('releasing the mutex failed: ' + (Get-KbErrorText $_)) 2
    }
    $script:KbMutex.Close()
    $script:KbMutex = $null
}

function Exit-KbRun {
    # Ends the run: JSON result (not when Busy: that file belongs to the run in progress), the
    # recap as the last stdout line, the mutex released, the exit code.
    param([string]$Outcome, [string]$Message = '', [switch]$NoResultFile)
    $code = Get-KbExitCode -Outcome $Outcome
    if ($Message.Length -gt 0) { Write-KbLog ($Outcome + ': ' + $Message) (Get-KbOutcomeLogType -Outcome $Outcome) }
    if (-not $NoResultFile) { Write-KbResultFile -Outcome $Outcome -ExitCode $code -Message $Message }
    $recap = Format-KbRecap -Outcome $Outcome -ExitCode $code
    Write-KbLog $recap (Get-KbOutcomeLogType -Outcome $Outcome)
    Exit-KbMutex
    Write-Output $recap
    exit $code
}

function Complete-KbRun {
    $outcome = 'StepFailed'
    try {
        $script:KbCurrentMethodId = $null
        $detectedUtc = [DateTime]::UtcNow
        $after = Get-KbEvidence -Phase 'after'
        $script:KbEvidenceAfter = $after
        $outcome = Get-KbOutcome -After $after
        if (-not $script:KbWhatIf -and $null -ne $after -and -not $after.Present) {
            Save-KbState -DetectedUtc $detectedUtc
        }
    } catch {
        Write-KbLog ('completing the run failed: ' + (Get-KbErrorText $_)) 3
        $outcome = 'StepFailed'
    }
    Exit-KbRun -Outcome $outcome
}

function Exit-KbUnexpected {
    # The body's safety net: an error nothing else caught ends the run as StepFailed with a recap,
    # never as PowerShell's exit 1 (which would read as StillPresent) with text on stderr.
    param([object]$ErrorRecord)
    $text = 'unknown error'
    try { $text = Get-KbErrorText $ErrorRecord } catch { $text = [string]$ErrorRecord }
    try {
        Exit-KbRun -Outcome 'StepFailed' -Message ('unexpected error: ' + $text)
    } catch {
        Write-Output ('kbfix ' + [string]$script:KbPlaybook['Id'] + ': StepFailed (exit ' + $script:KbExitCodes['StepFailed'] + '): unexpected error: ' + $text)
        exit $script:KbExitCodes['StepFailed']
    }
}
