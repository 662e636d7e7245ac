# Loads the simulated Windows into this PowerShell process: the fakes and the names they
# answer to. Dot-source it, then Use-KbSimWorld, then run the emitted script unchanged in the
# same process; the replacements must be registered before the script text is parsed.

. $PSScriptRoot/real-types.ps1
. $PSScriptRoot/world.ps1
. $PSScriptRoot/paths.ps1
. $PSScriptRoot/environment.ps1
. $PSScriptRoot/registry.ps1
. $PSScriptRoot/hives.ps1
. $PSScriptRoot/file-system.ps1
. $PSScriptRoot/services.ps1
. $PSScriptRoot/events.ps1
. $PSScriptRoot/processes.ps1
. $PSScriptRoot/identity.ps1
. $PSScriptRoot/security.ps1
. $PSScriptRoot/certificates.ps1
. $PSScriptRoot/host64.ps1
. $PSScriptRoot/mutex.ps1
. $PSScriptRoot/new-object.ps1

# Script properties the runtime reads from file system entries.
Update-TypeData -TypeName KbSimFileSystemInfo -MemberType ScriptProperty -MemberName Attributes -Force -Value { Get-KbSimAttributes $this.FullName }
Update-TypeData -TypeName KbSimFileSystemInfo -MemberType ScriptProperty -MemberName LastWriteTimeUtc -Force -Value {
    $global:KbReal.File::GetLastWriteTimeUtc($this.HostPath())
}
Update-TypeData -TypeName KbSimFileInfo -MemberType ScriptProperty -MemberName Exists -Force -Value { $global:KbReal.File::Exists($this.HostPath()) }
Update-TypeData -TypeName KbSimFileInfo -MemberType ScriptProperty -MemberName Length -Force -Value {
    if (-not $global:KbReal.File::Exists($this.HostPath())) { throw [System.IO.FileNotFoundException]::new("Could not find file '$($this.FullName)'.") }
    $global:KbReal.FileInfo::new($this.HostPath()).Length
}
Update-TypeData -TypeName KbSimDirectoryInfo -MemberType ScriptProperty -MemberName Exists -Force -Value { $global:KbReal.Directory::Exists($this.HostPath()) }

# The names the emitted scripts write, each answered by its fake. test/ps/sim-surface.json
# lists what the scripts may use; a test keeps the two in step.
$accelerators = [psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')
$replacements = [ordered]@{
    'System.IO.File' = [KbSimFile]
    'System.IO.Directory' = [KbSimDirectory]
    'System.IO.Path' = [KbSimPath]
    'System.IO.FileSystemInfo' = [KbSimFileSystemInfo]
    'System.IO.FileInfo' = [KbSimFileInfo]
    'System.IO.DirectoryInfo' = [KbSimDirectoryInfo]
    'System.IO.FileStream' = [KbSimFileStream]
    'System.Diagnostics.FileVersionInfo' = [KbSimFileVersionInfo]
    'Environment' = [KbSimEnvironment]
    'System.Environment' = [KbSimEnvironment]
    'Microsoft.Win32.Registry' = [KbSimRegistry]
    'Microsoft.Win32.RegistryKey' = [KbSimRegistryKey]
    'System.Diagnostics.Process' = [KbSimProcess]
    'System.Diagnostics.ProcessStartInfo' = [KbSimProcessStartInfo]
    'System.Security.Principal.WindowsIdentity' = [KbSimIdentity]
    'System.Security.Principal.WindowsPrincipal' = [KbSimPrincipal]
    'System.Security.AccessControl.DirectorySecurity' = [KbSimDirectorySecurity]
    'System.Security.Cryptography.X509Certificates.X509Store' = [KbSimStore]
    'System.Security.Cryptography.X509Certificates.X509Certificate2' = [KbSimCertificate]
    'System.Threading.Mutex' = [KbSimMutex]
}
$global:KbSimTypes = @{} + $replacements
foreach ($name in $replacements.Keys) {
    $null = $accelerators::Remove($name)
    $accelerators::Add($name, $replacements[$name])
}

function global:Use-KbSimWorld {
    # Loads one scenario's machine: its world file, fixed facts, and the 64-bit host's path.
    param([string]$Path)
    Read-KbSimWorld -Path $Path
    $os = Get-KbSimSection 'os'
    [KbSimEnvironment]::Is64BitProcess = [bool]$os['is64BitProcess']
    [KbSimEnvironment]::Is64BitOperatingSystem = ([string]$os['architecture'] -ne 'X86')
    [KbSimEnvironment]::MachineName = [string]$os['machineName']
    [KbSimEnvironment]::OSVersion = [KbSimOperatingSystem]::new([string]$os['version'])
    $windir = Get-KbSimEnvironmentVariable 'windir'
    if ($null -ne $windir) {
        Set-Alias -Name ($windir + '\Sysnative\WindowsPowerShell\v1.0\powershell.exe') -Value Invoke-KbSimHost64 -Scope Global
    }
}
