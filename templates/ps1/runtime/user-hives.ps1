# ---- user-hives.ps1: a profile's registry hive under HKEY_USERS, loaded for a change when needed ----
# A logged-on user's hive (and a service profile's) is loaded by Windows as HKEY_USERS\<SID>: it
# is changed there. Any other profile's hive is the file <profile>\NTUSER.DAT: reg.exe loads it
# under a temporary name, the change is made, and it is unloaded again in a finally, so no run
# leaves a hive loaded (docs/runtime.md#user-hives).

function Get-KbRegExe {
    return (Resolve-KbPath -Spec @{ Base = 'windir'; Segments = @('System32', 'reg.exe') })
}

function Test-KbUserHiveLoaded {
    # True when HKEY_USERS\<Name> exists; the handle is closed at once.
    param([string]$Name)
    $handle = [Microsoft.Win32.Registry]::Users.OpenSubKey($Name, $false)
    if ($null -eq $handle) { return $false }
    $handle.Close()
    return $true
}

function Mount-KbUserHive {
    # @{ Name = <key under HKEY_USERS>; File; LoadedHere } for the profile, or $null when it has no
    # NTUSER.DAT. Throws when the file cannot be loaded (in use by another process, damaged, no
    # privilege), after unloading whatever a half-done load left behind.
    param([string]$Sid, [string]$ProfileRoot)
    if (Test-KbUserHiveLoaded -Name $Sid) { return @{ Name = $Sid; File = ''; LoadedHere = $false } }
    $file = $ProfileRoot + '\NTUSER.DAT'
    if (-not [System.IO.File]::Exists($file)) { return $null }
    # The process id keeps two runs apart; the SID says whose hive a leftover would be.
    $hive = @{ Name = ('kbfix-' + $PID + '-' + $Sid); File = $file; LoadedHere = $true }
    $run = Invoke-KbProcess -FilePath (Get-KbRegExe) -Arguments @('load', ('HKU\' + $hive['Name']), $file) -TimeoutSeconds 60
    if ($run.ExitCode -eq 0) { return $hive }
    if (Test-KbUserHiveLoaded -Name $hive['Name']) { $null = Dismount-KbUserHive -Hive $hive }
    if ($run.TimedOut) { throw ('reg load of ' + $file + ' did not finish in 60 seconds') }
    throw ('reg load of ' + $file + ' failed (exit ' + $run.ExitCode + '; in use or damaged)')
}

function Dismount-KbUserHive {
    # Unloads a hive this script loaded; '' when done, else what is left loaded. .NET releases a
    # registry handle only when its object is finalized, and reg unload of a hive with an open
    # handle fails with "Access is denied": the runtime closes every key it opens, and collects
    # garbage before each of two tries for the references PowerShell itself still holds.
    param([hashtable]$Hive)
    if (-not $Hive['LoadedHere']) { return '' }
    $exitCode = ''
    foreach ($try in 1, 2) {
        [System.GC]::Collect()
        [System.GC]::WaitForPendingFinalizers()
        $run = Invoke-KbProcess -FilePath (Get-KbRegExe) -Arguments @('unload', ('HKU\' + $Hive['Name'])) -TimeoutSeconds 60
        if ($run.ExitCode -eq 0) { return '' }
        $exitCode = [string]$run.ExitCode
    }
    return ('hive ' + $Hive['File'] + ' is still loaded as HKEY_USERS\' + $Hive['Name'] + ' (reg unload exit ' + $exitCode + ')')
}

function Set-KbResultFailed {
    # A step's record turned failed after it was written (its hive stayed loaded): before and after
    # stay as they were, the message says what is left behind. Still one record per step.
    param([string]$Id, [string]$Message)
    for ($i = $script:KbResults.Count - 1; $i -ge 0; $i--) {
        $record = $script:KbResults[$i]
        if ($record.id -ne $Id) { continue }
        $record.status = 'failed'
        $record.message = Format-KbShort ($record.message + '; ' + $Message) 1000
        break
    }
    Write-KbLog ('[' + $Id + '] failed: ' + $Message) 3
}
