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
    # Throws when the service is not installed: there is nothing to set.
    param([hashtable]$Step)
    $name = $Step['Name']
    if ($null -eq (Get-KbService -Name $name)) { throw 'not installed on this machine' }
    $startType = [string](Get-KbServiceStartType -Name $name)
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

function Get-KbWantedServiceState {
    # What the step manages replaces what is there; '' leaves that part alone.
    param([hashtable]$Step, [hashtable]$State)
    $startType = ConvertTo-KbServiceWord -Value $Step['StartType'] -Allowed @('Automatic', 'Manual', 'Disabled')
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

function Set-KbServiceState {
    # Start type first, so a Disabled service that must run can then be started.
    param([hashtable]$Step, [hashtable]$State, [hashtable]$Change)
    $name = $Step['Name']
    $target = $Change['After']
    if ($State['StartType'] -ne $target['StartType']) {
        Set-Service -Name $name -StartupType $target['StartType'] -Confirm:$false -ErrorAction Stop
    }
    if ($State['Status'] -ne $target['Status']) {
        if ($target['Status'] -eq 'Running') {
            Start-KbService -Name $name
        } else {
            $stopped = New-Object System.Collections.Generic.List[string]
            Stop-KbService -Name $name -Stopped $stopped
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
    $lifecycle = @{
        Get = ${function:Get-KbServiceState}
        Test = ${function:Test-KbServiceState}
        Plan = ${function:Get-KbServicePlan}
        Set = ${function:Set-KbServiceState}
    }
    $step = @{ Name = $Name; StartType = $StartType; State = $State }
    Invoke-KbStateStep -Id $Id -Guard $Guard -Kind ('service ' + $Name) -Step $step @lifecycle
}
