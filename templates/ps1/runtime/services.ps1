# ---- services.ps1: services by exact name; reading start type and state, stopping and starting with a timeout ----

$script:KbServiceTimeoutSeconds = 60

function Assert-KbServiceName {
    # Services are matched by exact name: a wildcard would touch services nobody named.
    param([string]$Name)
    if ([string]::IsNullOrEmpty($Name) -or $Name.IndexOfAny([char[]]'*?[]') -ge 0) {
        throw ("'" + $Name + "' is not an exact service name")
    }
}

function Get-KbService {
    # The service with exactly this short name (not a display name), or $null.
    param([string]$Name)
    Assert-KbServiceName -Name $Name
    foreach ($service in @(Get-Service -Name $Name -ErrorAction SilentlyContinue)) {
        if ($service.ServiceName -eq $Name) { return $service }
    }
    return $null
}

function Get-KbServiceStartType {
    # From the registry: ServiceController.StartType needs .NET 4.6.1, not on every 5.1 machine.
    # A delayed start is still Automatic.
    param([string]$Name)
    Assert-KbServiceName -Name $Name
    $start = $null
    $key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey('SYSTEM\CurrentControlSet\Services\' + $Name, $false)
    if ($null -eq $key) { return $null }
    try { $start = $key.GetValue('Start', $null) } finally { $key.Close() }
    if ($null -eq $start) { return $null }
    $names = @{ 0 = 'Boot'; 1 = 'System'; 2 = 'Automatic'; 3 = 'Manual'; 4 = 'Disabled' }
    $number = [int]$start
    if ($names.ContainsKey($number)) { return $names[$number] }
    return ('Start=' + $number)
}

function Format-KbServiceState {
    param([object]$StartType, [object]$Status)
    return ('start type ' + [string]$StartType + ', ' + [string]$Status)
}


function Add-KbRunningDependents {
    # Every running service that depends on this one, directly or through another dependent:
    # ServiceController.Stop stops them all, so all of them must be started again.
    param([object]$Service, [System.Collections.Generic.List[string]]$Stopped)
    foreach ($dependent in @($Service.DependentServices)) {
        if ([string]$dependent.Status -eq 'Stopped' -or $Stopped.Contains($dependent.ServiceName)) { continue }
        $Stopped.Add($dependent.ServiceName)
        Add-KbRunningDependents -Service $dependent -Stopped $Stopped
    }
}

function Stop-KbService {
    # ServiceController.Stop also stops running dependents. Every name goes into Stopped before
    # the stop, so the caller's finally starts them again even after a timeout. A service that is
    # still starting cannot take a stop request yet: it is given the timeout to finish starting.
    param([string]$Name, [System.Collections.Generic.List[string]]$Stopped, [int]$TimeoutSeconds = $script:KbServiceTimeoutSeconds)
    $service = Get-KbService -Name $Name
    if ($null -eq $service) { throw ('service ' + $Name + ' is not installed') }
    $service.Refresh()
    if ([string]$service.Status -eq 'Stopped') { return }
    if (-not $Stopped.Contains($service.ServiceName)) { $Stopped.Add($service.ServiceName) }
    $timeout = [TimeSpan]::FromSeconds($TimeoutSeconds)
    if ([string]$service.Status -eq 'StartPending') { $service.WaitForStatus('Running', $timeout) }
    Add-KbRunningDependents -Service $service -Stopped $Stopped
    if ([string]$service.Status -ne 'StopPending') { $service.Stop() }
    $service.WaitForStatus('Stopped', $timeout)
}

function Start-KbService {
    # A service still stopping (a stop that timed out) cannot be started yet: it is given the
    # timeout to finish stopping first, or Start would fail and leave it stopped.
    param([string]$Name, [int]$TimeoutSeconds = $script:KbServiceTimeoutSeconds)
    $service = Get-KbService -Name $Name
    if ($null -eq $service) { throw ('service ' + $Name + ' is not installed') }
    $service.Refresh()
    if ([string]$service.Status -eq 'Running') { return }
    $timeout = [TimeSpan]::FromSeconds($TimeoutSeconds)
    if ([string]$service.Status -eq 'StopPending') { $service.WaitForStatus('Stopped', $timeout) }
    if ([string]$service.Status -ne 'StartPending') { $service.Start() }
    $service.WaitForStatus('Running', $timeout)
}
