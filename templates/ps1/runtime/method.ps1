# ---- method.ps1: one method of the article ----
# Skipped (with a result record) when: the detection failed or found nothing at the start, an
# earlier method already made the problem go away (strategy escalate), an earlier run already
# tried it and the evidence came back (ladder.ps1), -Method does not name it,
# it does not apply here (not-applicable), or it is high risk without -AllowHighRisk. Otherwise:
# its services are stopped (remembering which were running), its steps run, and in finally the
# stopped services are started again whatever failed, then the services it lists to start at the
# end (KB971058: restart BITS, wuauserv, appidsvc, cryptsvc) are started whatever their state was.


$script:KbEscalationDoneBy = $null
$script:KbLadderStoppedBy = $null
$script:KbMethodReboots = @{}

function Get-KbMethodSkip {
    # Why this method does not run (Status, Message, Warn), or $null when it runs.
    param([string]$Id, [string]$Risk, [hashtable]$Applies)
    if ($script:KbDetectionFailedAtStart) {
        return @{ Status = 'skipped'; Warn = $true; Message = 'the detection failed at the start, so nothing is changed' }
    }
    if ($script:KbNoEvidenceAtStart) {
        return @{ Status = 'skipped'; Warn = $false; Message = 'no evidence of the problem at the start' }
    }
    if ($null -ne $script:KbEscalationDoneBy) {
        return @{ Status = 'skipped'; Warn = $false; Message = ('the problem was gone after method ' + $script:KbEscalationDoneBy) }
    }
    if ($null -ne $script:KbLadderStoppedBy) {
        return @{ Status = 'skipped'; Warn = $true; Message = ('method ' + $script:KbLadderStoppedBy + ' failed: no later method runs on a machine left in an unknown state') }
    }
    if ($script:KbSelectedMethods.Count -gt 0 -and $script:KbSelectedMethods -notcontains $Id) {
        return @{ Status = 'skipped'; Warn = $false; Message = 'not selected by -Method' }
    }
    $ladder = $null
    if ([string]$script:KbPlaybook['Strategy'] -eq 'escalate') { $ladder = Get-KbLadderSkip -Id $Id }
    if ($null -ne $ladder) { return $ladder }
    $check = Test-KbApplicable -Applies $Applies
    if (-not $check['Applicable']) {
        return @{ Status = 'not-applicable'; Warn = $false; Message = $check['Reason'] }
    }
    if ($Risk -eq 'high' -and -not $script:KbAllowHighRisk) {
        return @{ Status = 'skipped'; Warn = $true; Message = ('high risk: runs only with -AllowHighRisk (for this method alone: -AllowHighRisk -Method ' + $Id + ')') }
    }
    return $null
}

function Invoke-KbMethod {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [int]$KbMethod,
        [string]$Title,
        [string]$Risk,
        [string]$Reboot,
        [hashtable]$Applies,
        [string[]]$Services = @(),
        [string[]]$StartAtEnd = @(),
        [scriptblock]$Steps
    )
    $script:KbCurrentMethodId = $Id
    try {
        Write-KbLog ('---- method ' + $Id + ' (method ' + $KbMethod + ' of the article): ' + $Title + ' [risk ' + $Risk + ', reboot ' + $Reboot + ']')
        $skip = Get-KbMethodSkip -Id $Id -Risk $Risk -Applies $Applies
        if ($null -ne $skip) {
            Add-KbResult -Id $Id -Status $skip['Status'] -Message $skip['Message'] -Warn:([bool]$skip['Warn'])
            return
        }
        $script:KbMethodReboots[$Id] = $Reboot
        Invoke-KbMethodSteps -Id $Id -Services $Services -StartAtEnd $StartAtEnd -Steps $Steps
        Update-KbAfterMethod -Id $Id
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('method failed: ' + (Get-KbErrorText $_))
    } finally {
        # A failed method stops the ladder: escalating on a machine in an unknown state does damage.
        if ($null -eq $script:KbLadderStoppedBy -and (Test-KbAnyResult -Status 'failed' -Method $Id)) { $script:KbLadderStoppedBy = $Id }
        $script:KbCurrentMethodId = $null
    }
}

function Invoke-KbMethodSteps {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string]$Id, [string[]]$Services = @(), [string[]]$StartAtEnd = @(), [scriptblock]$Steps)
    # Each service call sits behind its list's own guard: a playbook whose methods list no
    # services leaves Services out (it defaults to @()), and its script leaves the service code out
    # (the feature cuts, docs/runtime.md).
    $stopped = New-Object System.Collections.Generic.List[string]
    try {
        $ready = $true
        if ($Services.Count -gt 0) { $ready = Stop-KbMethodServices -Id $Id -Services $Services -Stopped $stopped }
        if ($ready) { $null = & $Steps }
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('the steps stopped at an error: ' + (Get-KbErrorText $_))
    } finally {
        if ($Services.Count -gt 0) { Start-KbMethodServices -Id $Id -Stopped $stopped }
        if ($StartAtEnd.Count -gt 0) { Start-KbMethodEndServices -Id $Id -Services $StartAtEnd }
    }
}

function Stop-KbMethodServices {
    # True when the steps may run: every listed service that was running is stopped now, and
    # still stopped once the last one is (Confirm-KbMethodServicesStopped).
    # Under -WhatIf nothing is stopped and the steps run to say what they would change.
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string]$Id, [string[]]$Services, [System.Collections.Generic.List[string]]$Stopped)
    foreach ($name in $Services) {
        $service = Get-KbService -Name $name
        if ($null -eq $service) {
            Write-KbLog ('service ' + $name + ' is not installed: nothing to stop') 2
            continue
        }
        if ([string]$service.Status -eq 'Stopped') {
            Write-KbLog ('service ' + $name + ' is already stopped')
            continue
        }
        if (-not $PSCmdlet.ShouldProcess($name, 'Stop the service for this method and start it again afterwards')) { continue }
        if (-not (Stop-KbMethodService -Id $Id -Name $name -Stopped $Stopped)) { return $false }
    }
    return (Confirm-KbMethodServicesStopped -Id $Id -Services $Services -Stopped $Stopped)
}

function Stop-KbMethodService {
    # One service (and the services running on it); a restart behind our back is reported.
    param([string]$Id, [string]$Name, [System.Collections.Generic.List[string]]$Stopped)
    try {
        $before = $Stopped.Count
        $restarts = Stop-KbService -Name $Name -Stopped $Stopped
        $dependents = New-Object System.Collections.Generic.List[string]
        for ($i = $before; $i -lt $Stopped.Count; $i++) { if ($Stopped[$i] -ne $Name) { $dependents.Add($Stopped[$i]) } }
        if ($dependents.Count -gt 0) { Write-KbLog ('stopped the services that depend on ' + $Name + ' first: ' + ($dependents.ToArray() -join ', ')) }
        Write-KbLog ('stopped service ' + $Name)
        if ($restarts -gt 0) {
            Add-KbResult -Id ($Id + ':stop-' + $Name) -Status 'ok' -Warn -Message (Format-KbServiceRestarts -Name $Name -Restarts $restarts)
        }
        return $true
    } catch {
        Add-KbResult -Id ($Id + ':stop-' + $Name) -Status 'failed' -Message ('could not stop ' + $Name + ', so the steps did not run: ' + (Get-KbErrorText $_))
        return $false
    }
}

function Confirm-KbMethodServicesStopped {
    # Stopping the later services takes time, in which something may have started an earlier one
    # again: each listed service this method stopped is checked once more (and stopped again).
    param([string]$Id, [string[]]$Services, [System.Collections.Generic.List[string]]$Stopped)
    foreach ($name in $Services) {
        $service = Get-KbService -Name $name
        if ($null -eq $service -or -not $Stopped.Contains($service.ServiceName)) { continue }
        $service.Refresh()
        if ([string]$service.Status -eq 'Stopped') { continue }
        Write-KbLog ('service ' + $name + ' is ' + [string]$service.Status + ' again after this method stopped it: stopping it again') 2
        if (-not (Stop-KbMethodService -Id $Id -Name $name -Stopped $Stopped)) { return $false }
    }
    return $true
}

function Start-KbMethodServices {
    # Runs in finally: what this method stopped is started again, whatever failed.
    param([string]$Id, [System.Collections.Generic.List[string]]$Stopped)
    foreach ($name in $Stopped) {
        try {
            Start-KbService -Name $name
            Write-KbLog ('started service ' + $name + ' again')
        } catch {
            Add-KbResult -Id ($Id + ':start-' + $name) -Status 'failed' -Message ('could not start ' + $name + ' again: ' + (Get-KbErrorText $_))
        }
    }
}

function Start-KbMethodEndServices {
    # Runs in finally, after the stopped services are running again: the services the method
    # starts at the end, whatever state they were in before it.
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string]$Id, [string[]]$Services)
    foreach ($name in $Services) {
        if (-not $PSCmdlet.ShouldProcess($name, 'Start the service at the end of the method')) { continue }
        try {
            if ($null -eq (Get-KbService -Name $name)) { throw 'not installed on this machine' }
            Start-KbService -Name $name
            Write-KbLog ('started service ' + $name + ' at the end of the method')
        } catch {
            Add-KbResult -Id ($Id + ':start-' + $name) -Status 'failed' -Message ('could not start ' + $name + ' at the end of the method: ' + (Get-KbErrorText $_))
        }
    }
}

function Update-KbAfterMethod {
    # A method that really changed something moves the history baseline (state.ps1). With
    # strategy escalate the detection runs again; once it is clean the other methods are skipped.
    param([string]$Id)
    if (Test-KbAnyResult -Status 'changed' -Method $Id -RealOnly) {
        Move-KbHistoryBaseline -Reason ('method ' + $Id)
        $script:KbLadderChangedBy = $Id
    }
    if ([string]$script:KbPlaybook['Strategy'] -ne 'escalate') { return }
    if ($script:KbPreviewConditionalOn.Length -eq 0 -and (Test-KbAnyResult -Status 'changed' -Method $Id -SimulatedOnly)) {
        $script:KbPreviewConditionalOn = $Id
    }
    $evidence = Get-KbEvidence -Phase ('after method ' + $Id)
    if ($null -ne $evidence -and -not $evidence.Present) {
        $script:KbEscalationDoneBy = $Id
        Write-KbLog ('the problem is gone after method ' + $Id + ': the remaining methods are skipped')
    }
}
