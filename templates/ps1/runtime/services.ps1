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


function Test-KbServiceDelayedStart {
    # Automatic (Delayed Start) is Start=2 plus DelayedAutostart=1 under the service's key; Windows
    # ignores the flag for any other start type.
    param([string]$Name)
    Assert-KbServiceName -Name $Name
    $key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey('SYSTEM\CurrentControlSet\Services\' + $Name, $false)
    if ($null -eq $key) { return $false }
    try { $delayed = $key.GetValue('DelayedAutostart', $null) } finally { $key.Close() }
    return ($null -ne $delayed -and [int]$delayed -eq 1)
}

function Set-KbServiceDelayedStart {
    # Windows PowerShell 5.1's Set-Service has no AutomaticDelayedStart (docs/kb-facts.md#delayed-start):
    # the flag is written where the service control manager reads it at boot, which is when a
    # delayed start happens. Set-Service -StartupType Automatic leaves the flag as it was.
    param([string]$Name, [bool]$Delayed)
    Assert-KbServiceName -Name $Name
    $key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey('SYSTEM\CurrentControlSet\Services\' + $Name, $true)
    if ($null -eq $key) { throw ('service ' + $Name + ' has no registry key') }
    try { $key.SetValue('DelayedAutostart', [int]$Delayed, [Microsoft.Win32.RegistryValueKind]'DWord') } finally { $key.Close() }
}

$script:KbServiceStopRetries = 3

function Wait-KbServiceSettled {
    # A service still starting or stopping takes no control request: wait, up to the timeout, for
    # the pending state to end. A timeout throws (TimeoutException), so no wait is unbounded.
    param([object]$Service, [int]$TimeoutSeconds)
    $Service.Refresh()
    $timeout = [TimeSpan]::FromSeconds($TimeoutSeconds)
    $status = [string]$Service.Status
    if ($status -eq 'StartPending') { $Service.WaitForStatus('Running', $timeout) }
    if ($status -eq 'StopPending') { $Service.WaitForStatus('Stopped', $timeout) }
    $Service.Refresh()
}

function Stop-KbService {
    # Stops the running services that depend on this one first (each the same way, so their own
    # dependents go before them), then the service, waiting through pending states. Every name goes
    # into Stopped before its stop, service before dependents, so the caller's finally starts them
    # again in that order even after a timeout. Windows restarts some services behind our back
    # (wuauserv through UsoSvc and WaaSMedicSvc): one found running again right after it stopped is
    # stopped again, at most KbServiceStopRetries times. Returns how many times that happened.
    param([string]$Name, [System.Collections.Generic.List[string]]$Stopped, [int]$TimeoutSeconds = $script:KbServiceTimeoutSeconds)
    $service = Get-KbService -Name $Name
    if ($null -eq $service) { throw ('service ' + $Name + ' is not installed') }
    $restarts = 0
    while ($true) {
        Wait-KbServiceSettled -Service $service -TimeoutSeconds $TimeoutSeconds
        if ([string]$service.Status -eq 'Stopped') { return $restarts }
        if (-not $Stopped.Contains($service.ServiceName)) { $Stopped.Add($service.ServiceName) }
        foreach ($dependent in @($service.DependentServices)) {
            if ([string]$dependent.Status -eq 'Stopped') { continue }
            $null = Stop-KbService -Name $dependent.ServiceName -Stopped $Stopped -TimeoutSeconds $TimeoutSeconds
        }
        $service.Stop()
        $service.WaitForStatus('Stopped', [TimeSpan]::FromSeconds($TimeoutSeconds))
        $service.Refresh()
        if ([string]$service.Status -eq 'Stopped') { return $restarts }
        $restarts += 1
        if ($restarts -gt $script:KbServiceStopRetries) {
            throw ('service ' + $Name + ' was started again each time it stopped (' + $restarts + ' times): something on this machine restarts it')
        }
    }
}

function Format-KbServiceRestarts {
    param([string]$Name, [int]$Restarts)
    return ($Name + ' was started again behind our back ' + $Restarts + ' time(s) right after it stopped (on Windows 10 and later UsoSvc and WaaSMedicSvc restart Windows Update) and was stopped again')
}

function Start-KbService {
    # A service still stopping (a stop that timed out) cannot be started yet: it is given the
    # timeout to finish stopping first, or Start would fail and leave it stopped.
    param([string]$Name, [int]$TimeoutSeconds = $script:KbServiceTimeoutSeconds)
    $service = Get-KbService -Name $Name
    if ($null -eq $service) { throw ('service ' + $Name + ' is not installed') }
    Wait-KbServiceSettled -Service $service -TimeoutSeconds $TimeoutSeconds
    if ([string]$service.Status -eq 'Running') { return }
    $service.Start()
    $service.WaitForStatus('Running', [TimeSpan]::FromSeconds($TimeoutSeconds))
}
