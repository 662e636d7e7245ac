# ---- steps/service.ps1: a service's start type and state: read, change what differs, read again ----

function ConvertTo-KbServiceWord {
    # 'automatic' -> 'Automatic', 'running' -> 'Running'; '' stays '' (not managed).
    param([string]$Value, [string[]]$Allowed)
    if ([string]::IsNullOrEmpty($Value)) { return '' }
    foreach ($word in $Allowed) {
        if ($word -eq $Value) { return $word }
    }
    throw ("'" + $Value + "' is not one of " + ($Allowed -join ', '))
}

function Get-KbServiceSnapshot {
    param([string]$Name)
    $service = Get-KbService -Name $Name
    if ($null -eq $service) { throw ('service ' + $Name + ' is not installed') }
    return @{ StartType = [string](Get-KbServiceStartType -Name $Name); Status = [string]$service.Status }
}

function Set-KbServiceSnapshot {
    # Start type first, so a Disabled service that must run can then be started.
    param([string]$Name, [hashtable]$Current, [hashtable]$Target)
    if ($Current['StartType'] -ne $Target['StartType']) {
        Set-Service -Name $Name -StartupType $Target['StartType'] -Confirm:$false -ErrorAction Stop
    }
    if ($Current['Status'] -ne $Target['Status']) {
        if ($Target['Status'] -eq 'Running') {
            Start-KbService -Name $Name
        } else {
            $stopped = New-Object System.Collections.Generic.List[string]
            Stop-KbService -Name $Name -Stopped $stopped
        }
    }
}

function Invoke-KbServiceStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [string]$Name,
        [string]$StartType = '',
        [string]$State = ''
    )
    try {
        if (-not (Test-KbStepGuard -ResultId $Id -Guard $Guard)) { return }
        if ($null -eq (Get-KbService -Name $Name)) {
            Add-KbResult -Id $Id -Status 'failed' -Message ('service ' + $Name + ' is not installed on this machine')
            return
        }
        $current = Get-KbServiceSnapshot -Name $Name
        $target = @{ StartType = $current['StartType']; Status = $current['Status'] }
        $wantStart = ConvertTo-KbServiceWord -Value $StartType -Allowed @('Automatic', 'Manual', 'Disabled')
        $wantState = ConvertTo-KbServiceWord -Value $State -Allowed @('Running', 'Stopped')
        if ($wantStart.Length -gt 0) { $target['StartType'] = $wantStart }
        if ($wantState.Length -gt 0) { $target['Status'] = $wantState }
        $before = Format-KbServiceState -StartType $current['StartType'] -Status $current['Status']
        $after = Format-KbServiceState -StartType $target['StartType'] -Status $target['Status']
        if ($current['StartType'] -eq $target['StartType'] -and $current['Status'] -eq $target['Status']) {
            Add-KbResult -Id $Id -Status 'ok' -Before $before -After $before
            return
        }
        if (-not $PSCmdlet.ShouldProcess($Name, 'Set the service to ' + $after)) {
            Add-KbResult -Id $Id -Status 'changed' -Before $before -After $after -Message ('would set service ' + $Name) -Simulated
            return
        }
        Set-KbServiceSnapshot -Name $Name -Current $current -Target $target
        $reread = Get-KbServiceSnapshot -Name $Name
        $now = Format-KbServiceState -StartType $reread['StartType'] -Status $reread['Status']
        if ($reread['StartType'] -eq $target['StartType'] -and $reread['Status'] -eq $target['Status']) {
            Add-KbResult -Id $Id -Status 'changed' -Before $before -After $now
        } else {
            Add-KbResult -Id $Id -Status 'failed' -Before $before -After $now -Message ('did not stick: wanted ' + $after)
        }
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('service ' + $Name + ': ' + (Get-KbErrorText $_))
    }
}
