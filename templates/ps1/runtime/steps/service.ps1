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

function Get-KbServiceState {
    # Throws when the service is not installed: there is nothing to set. A delayed automatic
    # start reads as AutomaticDelayedStart, the name PowerShell 7 gives it.
    param([hashtable]$Step)
    $name = $Step['Name']
    if ($null -eq (Get-KbService -Name $name)) { throw 'not installed on this machine' }
    $startType = [string](Get-KbServiceStartType -Name $name)
    if ($startType -eq 'Automatic' -and (Test-KbServiceDelayedStart -Name $name)) { $startType = 'AutomaticDelayedStart' }
    $status = [string](Get-KbService -Name $name).Status
    return New-KbServiceState -Name $name -StartType $startType -Status $status
}

function New-KbServiceState {
    param([string]$Name, [string]$StartType, [string]$Status)
    return @{
        Text = (Format-KbServiceState -StartType $StartType -Status $Status)
        Value = [ordered]@{ startType = $StartType; state = $Status }
        Target = $Name
        StartType = $StartType
        Status = $Status
    }
}

function Get-KbServiceDefaultStartType {
    # not-disabled: the start type Windows ships for the service on this NT version, from the
    # compiler's table ('10.0=manual', docs/kb-facts.md#service-default-start-types).
    param([hashtable]$Step)
    $nt = Get-KbWindowsVersion
    $here = [string]$nt.Major + '.' + [string]$nt.Minor
    $words = @{ 'automatic' = 'Automatic'; 'automatic-delayed' = 'AutomaticDelayedStart'; 'manual' = 'Manual' }
    foreach ($row in @($Step['Defaults'])) {
        $parts = ([string]$row).Split('=')
        if ($parts.Count -eq 2 -and $parts[0] -eq $here -and $words.ContainsKey($parts[1])) { return $words[$parts[1]] }
    }
    throw ('the start type Windows ships for ' + $Step['Name'] + ' on NT ' + $here + ' is not known to kbfix: set startType to automatic, automatic-delayed or manual')
}

function Get-KbWantedStartType {
    # not-disabled leaves any start type but Disabled as it is.
    param([hashtable]$Step, [hashtable]$State)
    # Only a not-disabled step reaches the table: a playbook without one carries no table code
    # (the feature cuts, docs/runtime.md).
    if ($Step['StartType'] -eq 'not-disabled' -and $State['StartType'] -ne 'Disabled') { return $State['StartType'] }
    if ($Step['StartType'] -eq 'not-disabled') { return (Get-KbServiceDefaultStartType -Step $Step) }
    $words = @{ 'automatic-delayed' = 'AutomaticDelayedStart' }
    $value = [string]$Step['StartType']
    if ($words.ContainsKey($value)) { $value = $words[$value] }
    return (ConvertTo-KbServiceWord -Value $value -Allowed @('Automatic', 'AutomaticDelayedStart', 'Manual', 'Disabled'))
}

function Get-KbWantedServiceState {
    # What the step manages replaces what is there; '' leaves that part alone.
    param([hashtable]$Step, [hashtable]$State)
    $startType = Get-KbWantedStartType -Step $Step -State $State
    $status = ConvertTo-KbServiceWord -Value $Step['State'] -Allowed @('Running', 'Stopped')
    if ($startType.Length -eq 0) { $startType = $State['StartType'] }
    if ($status.Length -eq 0) { $status = $State['Status'] }
    return New-KbServiceState -Name $Step['Name'] -StartType $startType -Status $status
}

function Test-KbServiceState {
    param([hashtable]$Step, [hashtable]$State)
    $wanted = Get-KbWantedServiceState -Step $Step -State $State
    return ($State['StartType'] -eq $wanted['StartType'] -and $State['Status'] -eq $wanted['Status'])
}

function Get-KbServicePlan {
    param([hashtable]$Step, [hashtable]$State)
    $wanted = Get-KbWantedServiceState -Step $Step -State $State
    return @{ Action = 'Set the service to ' + $wanted['Text']; After = $wanted }
}

function Set-KbServiceStartType {
    # Set-Service for the start type (5.1 knows Automatic, Manual, Disabled); the delayed flag apart.
    param([string]$Name, [string]$From, [string]$To)
    $delayed = ($To -eq 'AutomaticDelayedStart')
    $type = $To
    if ($delayed) { $type = 'Automatic' }
    $fromType = $From
    if ($fromType -eq 'AutomaticDelayedStart') { $fromType = 'Automatic' }
    if ($fromType -ne $type) {
        Set-Service -Name $Name -StartupType $type -Confirm:$false -ErrorAction Stop
    }
    if ($type -eq 'Automatic') { Set-KbServiceDelayedStart -Name $Name -Delayed $delayed }
}

function Set-KbServiceState {
    # Start type first, so a Disabled service that must run can then be started. Returns a note
    # when dependents were stopped with it or it had to be stopped again.
    param([hashtable]$Step, [hashtable]$State, [hashtable]$Change)
    $name = $Step['Name']
    $target = $Change['After']
    if ($State['StartType'] -ne $target['StartType']) {
        Set-KbServiceStartType -Name $name -From $State['StartType'] -To $target['StartType']
    }
    if ($State['Status'] -eq $target['Status']) { return '' }
    if ($target['Status'] -eq 'Running') {
        Start-KbService -Name $name
        return ''
    }
    $stopped = New-Object System.Collections.Generic.List[string]
    $restarts = Stop-KbService -Name $name -Stopped $stopped
    $notes = New-Object System.Collections.Generic.List[string]
    $dependents = @($stopped | Where-Object { $_ -ne $name })
    if ($dependents.Count -gt 0) { $notes.Add('stopped the services that depend on it too, which stay stopped: ' + ($dependents -join ', ')) }
    if ($restarts -gt 0) { $notes.Add((Format-KbServiceRestarts -Name $name -Restarts $restarts)) }
    return ($notes.ToArray() -join '; ')
}

function Invoke-KbServiceStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [string]$Name,
        [string]$StartType = '',
        [string]$State = '',
        [string[]]$Defaults = @()
    )
    $lifecycle = @{
        Get = ${function:Get-KbServiceState}
        Test = ${function:Test-KbServiceState}
        Plan = ${function:Get-KbServicePlan}
        Set = ${function:Set-KbServiceState}
    }
    $step = @{ Name = $Name; StartType = $StartType; State = $State; Defaults = $Defaults }
    Invoke-KbStateStep -Id $Id -Guard $Guard -Kind ('service ' + $Name) -Step $step @lifecycle
}
