# Replaces Get-Service and Set-Service. A service's state and dependents are in the world;
# its start type is the registry's Services\<name>\Start, where Windows keeps it (and where
# the runtime reads it), and so is DelayedAutostart. Faults: services.<name>.fail =
# ['stop','start','config'], a pending state that settles when waited for, and restartsBehind:
# how many times something starts the service again right after it stopped (counted in
# restartedBehind), as UsoSvc and WaaSMedicSvc do with wuauserv.

function global:Get-KbSimServiceRecord {
    param([string]$Name)
    $services = Get-KbSimSection 'services'
    foreach ($key in $services.Keys) { if ($key -ieq $Name) { return @{ Name = $key; Record = $services[$key] } } }
    return $null
}

function global:Test-KbSimServiceFault {
    param([hashtable]$Record, [string]$Fault)
    return (@($Record['fail']) -contains $Fault)
}

class KbSimService {
    [string]$ServiceName
    [string]$Name
    [string]$DisplayName
    KbSimService([string]$name) {
        $this.ServiceName = $name; $this.Name = $name
        $this.DisplayName = [string](Get-KbSimServiceRecord $name).Record['displayName']
    }
    hidden [hashtable] Record() { return (Get-KbSimServiceRecord $this.ServiceName).Record }
    [void] Refresh() {}
    [void] Stop() {
        $record = $this.Record()
        if (Test-KbSimServiceFault $record 'stop') {
            throw [System.InvalidOperationException]::new("Cannot stop $($this.ServiceName) service on computer '.'.")
        }
        foreach ($dependent in @($record['dependents'])) {
            if ($null -eq $dependent) { continue }
            $other = (Get-KbSimServiceRecord $dependent).Record
            if ($other['status'] -ne 'Stopped') {
                throw [System.InvalidOperationException]::new("Cannot stop $($this.ServiceName): $dependent depends on it and is running.")
            }
        }
        $record['status'] = 'Stopped'
        $record['stops'] = 1 + [int]$record['stops']
    }
    [void] Start() {
        $record = $this.Record()
        if ((Test-KbSimServiceFault $record 'start') -or (Get-KbSimServiceStart $this.ServiceName) -eq 4) {
            throw [System.InvalidOperationException]::new("Cannot start service $($this.ServiceName) on computer '.'.")
        }
        $record['status'] = 'Running'
        $record['starts'] = 1 + [int]$record['starts']
    }
    [void] WaitForStatus([string]$status, [TimeSpan]$timeout) {
        # A pending state settles here; anything else that is not the wanted state times out.
        $record = $this.Record()
        if ($record['status'] -eq 'StartPending' -and $status -eq 'Running') { $record['status'] = 'Running' }
        if ($record['status'] -eq 'StopPending' -and $status -eq 'Stopped') { $record['status'] = 'Stopped' }
        if ($record['status'] -ne $status) {
            throw [System.ServiceProcess.TimeoutException]::new('Time out has expired and the operation has not been completed.')
        }
        if ($status -eq 'Stopped' -and [int]$record['restartsBehind'] -gt 0) {
            $record['restartsBehind'] = [int]$record['restartsBehind'] - 1
            $record['restartedBehind'] = 1 + [int]$record['restartedBehind']
            $record['status'] = 'Running'
        }
    }
}

function global:Get-KbSimServiceStart {
    param([string]$Name)
    $key = [KbSimRegistry]::LocalMachine.OpenSubKey('SYSTEM\CurrentControlSet\Services\' + $Name, $false)
    if ($null -eq $key) { return $null }
    return $key.GetValue('Start', $null)
}

Update-TypeData -TypeName KbSimService -MemberType ScriptProperty -MemberName Status -Force -Value {
    [string](Get-KbSimServiceRecord $this.ServiceName).Record['status']
}
Update-TypeData -TypeName KbSimService -MemberType ScriptProperty -MemberName DependentServices -Force -Value {
    , @(@((Get-KbSimServiceRecord $this.ServiceName).Record['dependents']) | Where-Object { $null -ne $_ } |
            ForEach-Object { [KbSimService]::new((Get-KbSimServiceRecord $_).Name) })
}
Update-TypeData -TypeName KbSimService -MemberType ScriptProperty -MemberName StartType -Force -Value {
    @{ 2 = 'Automatic'; 3 = 'Manual'; 4 = 'Disabled' }[[int](Get-KbSimServiceStart $this.ServiceName)]
}

function global:Get-Service {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Name)
    foreach ($wanted in $Name) {
        $found = Get-KbSimServiceRecord $wanted
        if ($null -eq $found) {
            $exception = [System.InvalidOperationException]::new("Cannot find any service with service name '$wanted'.")
            $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new($exception, 'NoServiceFoundForGivenName', 'ObjectNotFound', $wanted))
            continue
        }
        [KbSimService]::new($found.Name)
    }
}

function global:Set-Service {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([Parameter(Position = 0)][string]$Name, [string]$StartupType)
    $found = Get-KbSimServiceRecord $Name
    if ($null -eq $found) { throw [System.InvalidOperationException]::new("Service '$Name' was not found on computer '.'.") }
    if (Test-KbSimServiceFault $found.Record 'config') {
        throw [System.InvalidOperationException]::new("Service '$Name' cannot be configured due to the following error: Access is denied.")
    }
    $numbers = @{ Automatic = 2; Manual = 3; Disabled = 4 }
    if (-not $numbers.ContainsKey($StartupType)) { throw [System.ArgumentException]::new("bad -StartupType '$StartupType'") }
    if (-not $PSCmdlet.ShouldProcess($Name)) { return }
    $key = [KbSimRegistry]::LocalMachine.CreateSubKey('SYSTEM\CurrentControlSet\Services\' + $found.Name)
    $key.SetValue('Start', [int]$numbers[$StartupType], [Microsoft.Win32.RegistryValueKind]::DWord)
}
