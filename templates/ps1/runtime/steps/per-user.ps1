# ---- steps/per-user.ps1: path steps and HKCU values once per profile ----
# What a script running as SYSTEM must do instead of "every user logs on and runs certutil":
# every user profile in ProfileList (S-1-5-21-*, loaded or not) and, when asked, LocalSystem,
# LocalService and NetworkService. A profile whose folder is missing is skipped (ok, with a
# message). The label (the user's SID, a service profile's account name) makes the result ids
# <step id>@<label>; the SID names the profile's registry hive for HKCU values.

$script:KbServiceProfiles = @(
    @{ Sid = 'S-1-5-18'; Label = 'LocalSystem'; Segments = @('System32', 'config', 'systemprofile') },
    @{ Sid = 'S-1-5-19'; Label = 'LocalService'; Segments = @('ServiceProfiles', 'LocalService') },
    @{ Sid = 'S-1-5-20'; Label = 'NetworkService'; Segments = @('ServiceProfiles', 'NetworkService') }
)

function Get-KbProfileListPaths {
    # SID -> ProfileImagePath (expanded) from HKLM\...\ProfileList.
    $paths = @{}
    $list = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey('SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList', $false)
    if ($null -eq $list) { return $paths }
    try {
        foreach ($sid in $list.GetSubKeyNames()) {
            $entry = $list.OpenSubKey($sid, $false)
            if ($null -eq $entry) { continue }
            try { $paths[$sid] = [string]$entry.GetValue('ProfileImagePath', '') } finally { $entry.Close() }
        }
    } finally {
        $list.Close()
    }
    return $paths
}

function Get-KbProfiles {
    # Labels name a profile in result ids as the batch script does: the SID of a user, the
    # account name of a service profile. A folder listed twice is visited once.
    param([bool]$IncludeServiceProfiles)
    $paths = Get-KbProfileListPaths
    $found = New-Object System.Collections.Generic.List[object]
    foreach ($sid in @($paths.Keys | Sort-Object)) {
        if ($sid -like 'S-1-5-21-*' -and $sid -notlike '*.bak') {
            $found.Add([pscustomobject]@{ Sid = $sid; Root = $paths[$sid]; Label = $sid })
        }
    }
    if ($IncludeServiceProfiles) {
        foreach ($service in $script:KbServiceProfiles) {
            $root = [string]$paths[$service['Sid']]
            if ($root.Length -eq 0) { $root = Resolve-KbPath -Spec @{ Base = 'windir'; Segments = $service['Segments'] } }
            $found.Add([pscustomobject]@{ Sid = $service['Sid']; Root = $root; Label = $service['Label'] })
        }
    }
    $roots = @{}
    foreach ($candidate in $found) {
        $root = ([string]$candidate.Root).TrimEnd('\')
        if ($roots.ContainsKey($root)) { continue }
        $roots[$root] = $true
        [pscustomobject]@{ Sid = $candidate.Sid; Root = $root; Label = $candidate.Label }
    }
}

function Invoke-KbProfileSteps {
    # One profile; returns $true when its steps ran.
    param([string]$Id, [object]$UserProfile, [scriptblock]$Steps)
    $resultId = $Id + '@' + $UserProfile.Label
    if (-not (Test-KbFullyQualifiedPath -Path $UserProfile.Root) -or (Test-KbDriveRoot -Path $UserProfile.Root)) {
        Add-KbResult -Id $resultId -Status 'skipped' -Message ('profile path of ' + $UserProfile.Sid + ' is not usable: ' + $UserProfile.Root) -Warn
        return $false
    }
    if (-not [System.IO.Directory]::Exists($UserProfile.Root)) {
        Add-KbResult -Id $resultId -Status 'ok' -Message ('profile folder missing, skipped: ' + $UserProfile.Root)
        return $false
    }
    try {
        $null = & $Steps $UserProfile.Root $UserProfile.Label $UserProfile.Sid
    } catch {
        Add-KbResult -Id $resultId -Status 'failed' -Message ('steps in ' + $UserProfile.Root + ': ' + (Get-KbErrorText $_))
    }
    return $true
}

function Invoke-KbPerUserStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [bool]$IncludeServiceProfiles = $true,
        [scriptblock]$Steps
    )
    try {
        if (-not (Test-KbStepGuard -ResultId $Id -Guard $Guard)) { return }
        $profiles = @(Get-KbProfiles -IncludeServiceProfiles $IncludeServiceProfiles)
        $ran = New-Object System.Collections.Generic.List[string]
        foreach ($userProfile in $profiles) {
            if (Invoke-KbProfileSteps -Id $Id -UserProfile $userProfile -Steps $Steps) { $ran.Add($userProfile.Label) }
        }
        $summary = [string]$profiles.Count + ' profiles'
        # Typed too: the profiles found, and the labels of those whose steps ran.
        $found = [ordered]@{ profiles = $profiles.Count; processed = @() }
        $done = [ordered]@{ profiles = $profiles.Count; processed = @($ran.ToArray()) }
        Add-KbResult -Id $Id -Status 'ok' -Before $summary -After ([string]$ran.Count + ' processed') -BeforeValue $found -AfterValue $done -Message ('processed: ' + ($ran.ToArray() -join ', '))
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('per-user: ' + (Get-KbErrorText $_))
    }
}
