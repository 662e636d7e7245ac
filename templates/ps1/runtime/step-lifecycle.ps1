# ---- step-lifecycle.ps1: the lifecycle of every state step and every one-shot step ----
# The engine owns the guard, -WhatIf, the re-read, the result record and the error handling; a
# kind passes its functions (${function:Get-KbXState}), which get the kind's data ($Step) and
# the engine's findings as parameters, never through the caller's scope. A state is
# @{ Text = <log>; Value = <typed, for the JSON>; Target = <path, location>; Note = <ok message> }.

function Format-KbWould {
    # 'Set to DWord 1' on 'HKLM\X\Y' -> 'HKLM\X\Y: would set to DWord 1'
    param([string]$Target, [string]$Action)
    $text = $Action
    if ($text.Length -gt 0) { $text = $text.Substring(0, 1).ToLowerInvariant() + $text.Substring(1) }
    return ($Target + ': would ' + $text)
}

function Add-KbStateResult {
    # One record from a state before and after (after: a state, or $null for "as before").
    param([string]$Id, [string]$Status, [hashtable]$Before, [hashtable]$After, [string]$Message, [switch]$Simulated)
    if ($null -eq $After) { $After = $Before }
    Add-KbResult -Id $Id -Status $Status -Before $Before['Text'] -After $After['Text'] -BeforeValue $Before['Value'] -AfterValue $After['Value'] -Message $Message -Simulated:$Simulated
}

function Invoke-KbStateStep {
    # guard -> Get -> Test -> Plan -> ShouldProcess (-WhatIf: predicted record) -> Set -> Get -> Test.
    #   Get ($Step) -> state; Test ($Step, $State) -> $true when desired
    #   Plan ($Step, $State) -> @{ Action = <ShouldProcess text>; After = <state>; Stop = @{ Status; Message } to end }
    #   Set ($Step, $State, $Change) -> '' or a note for the message
    # Kind names the step in an error message ('registry value', 'service CryptSvc').
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [string]$ProfileRoot = '',
        [string]$Kind,
        [hashtable]$Step,
        [scriptblock]$Get,
        [scriptblock]$Test,
        [scriptblock]$Plan,
        [scriptblock]$Set
    )
    $state = @{ Text = ''; Value = $null }
    try {
        if (-not (Test-KbStepGuard -ResultId $Id -Guard $Guard -ProfileRoot $ProfileRoot)) { return }
        $state = & $Get $Step
        if (& $Test $Step $state) {
            $note = [string]$state['Note']
            if ($note.Length -eq 0) { $note = [string]$state['Target'] }
            Add-KbStateResult -Id $Id -Status 'ok' -Before $state -After $null -Message $note
            return
        }
        $change = & $Plan $Step $state
        if ($null -ne $change['Stop']) {
            Add-KbStateResult -Id $Id -Status $change['Stop']['Status'] -Before $state -After $null -Message $change['Stop']['Message']
            return
        }
        $target = [string]$state['Target']
        if (-not $PSCmdlet.ShouldProcess($target, $change['Action'])) {
            Add-KbStateResult -Id $Id -Status 'changed' -Before $state -After $change['After'] -Message (Format-KbWould -Target $target -Action $change['Action']) -Simulated
            return
        }
        # -join: a Set that returns nothing gives '' ([string] of no output would be $null).
        $note = -join @(& $Set $Step $state $change)
        $now = & $Get $Step
        if (& $Test $Step $now) {
            if ($note.Length -eq 0) { $note = $target }
            Add-KbStateResult -Id $Id -Status 'changed' -Before $state -After $now -Message $note
            return
        }
        $message = 'did not stick on ' + $target + ': wanted ' + $change['After']['Text'] + ', reads back ' + $now['Text']
        if ($note.Length -gt 0) { $message += '; ' + $note }
        Add-KbStateResult -Id $Id -Status 'failed' -Before $state -After $now -Message $message
    } catch {
        # The state before the error, when it was read: what a rollback would go back to.
        Add-KbResult -Id $Id -Status 'failed' -Before $state['Text'] -BeforeValue $state['Value'] -Message ($Kind + ': ' + (Get-KbErrorText $_))
    }
}

function Confirm-KbOneShotOutcome {
    # A step that changed something and has a verify probe: the probe must find no problem now,
    # else the step did not stick (as a state step that reads back another value). A probe that
    # cannot look cannot confirm it either. The probe's finding goes into AfterValue.verify.
    param([hashtable]$Outcome, [scriptblock]$Verify)
    $check = @(& $Verify)[0]
    $detail = [string]$check.Detail
    $after = $Outcome['AfterValue']
    if ($null -eq $after) { $after = [ordered]@{} }
    $after['verify'] = [ordered]@{ id = [string]$check.Id; present = [bool]$check.Present; detail = $detail }
    $Outcome['AfterValue'] = $after
    if ($check.Present) {
        $Outcome['Status'] = 'failed'
        $Outcome['Message'] = 'did not stick: ' + [string]$check.Id + ' still finds the problem: ' + $detail + '; ' + $Outcome['Message']
    } elseif ($detail.StartsWith('error: ')) {
        $Outcome['Status'] = 'failed'
        $Outcome['Message'] = 'could not verify with ' + [string]$check.Id + ': ' + $detail.Substring(7) + '; ' + $Outcome['Message']
    } else {
        $Outcome['Message'] = [string]$Outcome['Message'] + '; verified: ' + [string]$check.Id + ' finds no problem'
    }
    return $Outcome
}

function Invoke-KbOneShotStep {
    # No desired state to read back: guard -> Plan -> ShouldProcess (-WhatIf: predicted record) ->
    # Act -> Verify (when given and the step changed something).
    #   Plan ($Step) -> @{ Target; Action; Before; After; BeforeValue; AfterValue; Note (for -WhatIf); Stop }
    #   Act ($Step, $Plan) -> @{ Status; After; AfterValue; Message }
    #   Verify () -> a probe result (Id, Present, Detail) that must not be Present
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [string]$ProfileRoot = '',
        [string]$Kind,
        [hashtable]$Step,
        [scriptblock]$Plan,
        [scriptblock]$Act,
        [scriptblock]$Verify = $null
    )
    try {
        if (-not (Test-KbStepGuard -ResultId $Id -Guard $Guard -ProfileRoot $ProfileRoot)) { return }
        $planned = & $Plan $Step
        $before = [string]$planned['Before']
        if ($null -ne $planned['Stop']) {
            Add-KbResult -Id $Id -Status $planned['Stop']['Status'] -Before $before -After ([string]$planned['After']) -BeforeValue $planned['BeforeValue'] -AfterValue $planned['BeforeValue'] -Message $planned['Stop']['Message']
            return
        }
        if (-not $PSCmdlet.ShouldProcess([string]$planned['Target'], [string]$planned['Action'])) {
            $message = Format-KbWould -Target $planned['Target'] -Action $planned['Action']
            if ([string]$planned['Note'] -ne '') { $message += '; ' + $planned['Note'] }
            if ($null -ne $Verify) { $message += '; then verify that the probe finds no problem' }
            Add-KbResult -Id $Id -Status 'changed' -Before $before -After ([string]$planned['After']) -BeforeValue $planned['BeforeValue'] -AfterValue $planned['AfterValue'] -Message $message -Simulated
            return
        }
        $outcome = & $Act $Step $planned
        if ($null -ne $Verify -and $outcome['Status'] -eq 'changed') { $outcome = Confirm-KbOneShotOutcome -Outcome $outcome -Verify $Verify }
        Add-KbResult -Id $Id -Status $outcome['Status'] -Before $before -After ([string]$outcome['After']) -BeforeValue $planned['BeforeValue'] -AfterValue $outcome['AfterValue'] -Message $outcome['Message']
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ($Kind + ': ' + (Get-KbErrorText $_))
    }
}
