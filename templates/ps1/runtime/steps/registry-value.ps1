# ---- steps/registry-value.ps1: a typed value under HKLM or HKCU: read, compare, set, read again ----
# DWORDs and QWORDs compare unsigned, binaries byte by byte, strings ordinally, so a correct value
# never reports "changed" again. The old value is recorded as "before" (the backup). Setup may
# restore some values from a protected copy: a value that reads back different is "did not stick".
# Inside a per-user step (-ProfileSid given) the key is HKCU, that is the profile's own hive.
# -View 32 or 64 names an HKLM view (0: the script's own); the log and the target name it.

function ConvertTo-KbRegistryValueData {
    # A value as typed JSON data for the result: Data as compared (numbers unsigned), binary as hex.
    param([bool]$KeyExists, [bool]$Exists, [string]$Type, [object]$Data)
    if ($Type -eq 'Binary') { $Data = (@($Data) | ForEach-Object { '{0:x2}' -f $_ }) -join ' ' }
    return [ordered]@{ keyExists = $KeyExists; exists = $Exists; type = $Type; data = $Data }
}

function Get-KbRegistryValueState {
    param([hashtable]$Step)
    $current = Read-KbRegistryValue -Key $Step['Key'] -Name $Step['Name'] -UserHive $Step['UserHive'] -View $Step['View']
    $data = $null
    if ($current['Exists']) { $data = ConvertFrom-KbRegistryRaw -Kind $current['Kind'] -Data $current['Data'] }
    $valueName = $Step['Name']
    if ($valueName.Length -eq 0) { $valueName = '(default)' }
    return @{
        Text = (Format-KbRegistryState -Value $current)
        Value = (ConvertTo-KbRegistryValueData -KeyExists $current['KeyExists'] -Exists $current['Exists'] -Type $current['Kind'] -Data $data)
        Target = $Step['Hive'] + '\' + (Get-KbRegistrySubKey -Key $Step['Key']) + '\' + $valueName + (Format-KbRegistryView -View $Step['View'])
        Read = $current
    }
}

function Test-KbRegistryValueState {
    param([hashtable]$Step, [hashtable]$State)
    $expected = ConvertTo-KbRegistryData -Type $Step['Type'] -Data $Step['Data']
    return (Test-KbRegistryDataEqual -Value $State['Read'] -Type $Step['Type'] -Expected $expected)
}

function Get-KbRegistryValuePlan {
    param([hashtable]$Step, [hashtable]$State)
    $expected = ConvertTo-KbRegistryData -Type $Step['Type'] -Data $Step['Data']
    $text = $Step['Type'] + ' ' + (Format-KbRegistryData -Type $Step['Type'] -Data $expected)
    $value = ConvertTo-KbRegistryValueData -KeyExists $true -Exists $true -Type $Step['Type'] -Data $expected
    return @{ Action = 'Set to ' + $text; After = @{ Text = $text; Value = $value }; Expected = $expected }
}

function Set-KbRegistryValueState {
    param([hashtable]$Step, [hashtable]$State, [hashtable]$Change)
    Write-KbRegistryValue -Key $Step['Key'] -Name $Step['Name'] -Type $Step['Type'] -Expected $Change['Expected'] -UserHive $Step['UserHive'] -View $Step['View']
    return ('set ' + $State['Target'] + ' (old value: ' + $State['Text'] + ')')
}

function Invoke-KbProfileRegistryValueStep {
    # One profile: the guard, its hive mounted (loaded from NTUSER.DAT when Windows has not), the
    # value step inside it, the hive unloaded in finally. One record as for every step: a hive that
    # cannot be loaded fails it, one that stays loaded turns it failed, a profile without a hive
    # file is skipped.
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string]$Id, [hashtable]$Guard, [string]$ProfileRoot, [string]$ProfileSid, [hashtable]$Step, [hashtable]$Lifecycle)
    $Step['Hive'] = 'HKCU'
    try {
        if (-not (Test-KbStepGuard -ResultId $Id -Guard $Guard -ProfileRoot $ProfileRoot)) { return }
        $hive = Mount-KbUserHive -Sid $ProfileSid -ProfileRoot $ProfileRoot
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('registry value: hive of ' + $ProfileSid + ' not loaded: ' + (Get-KbErrorText $_))
        return
    }
    if ($null -eq $hive) {
        Add-KbResult -Id $Id -Status 'skipped' -Message ('no registry hive: ' + $ProfileRoot + '\NTUSER.DAT does not exist') -Warn
        return
    }
    $Step['UserHive'] = $hive['Name']
    $left = ''
    try {
        Invoke-KbStateStep -Id $Id -Guard $null -Kind 'registry value' -Step $Step @Lifecycle
    } finally {
        $left = Dismount-KbUserHive -Hive $hive
    }
    if ($left.Length -gt 0) { Set-KbResultFailed -Id $Id -Message $left }
}

function Invoke-KbRegistryValueStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [string]$Key,
        [string]$Name = '',
        [string]$Type,
        [object]$Data,
        [string]$ProfileRoot = '',
        [string]$ProfileLabel = '',
        [string]$ProfileSid = '',
        [int]$View = 0
    )
    $lifecycle = @{
        Get = ${function:Get-KbRegistryValueState}
        Test = ${function:Test-KbRegistryValueState}
        Plan = ${function:Get-KbRegistryValuePlan}
        Set = ${function:Set-KbRegistryValueState}
    }
    $step = @{ Key = $Key; Name = $Name; Type = $Type; Data = $Data; Hive = 'HKLM'; UserHive = ''; View = $View }
    # -ProfileSid comes only with an HKCU key inside per-user: a playbook without one carries no
    # hive code (the feature cuts, docs/runtime.md).
    if ($ProfileSid.Length -eq 0) { Invoke-KbStateStep -Id $Id -Guard $Guard -Kind 'registry value' -Step $step @lifecycle }
    if ($ProfileSid.Length -gt 0) { Invoke-KbProfileRegistryValueStep -Id (Get-KbStepId -Id $Id -ProfileLabel $ProfileLabel) -Guard $Guard -ProfileRoot $ProfileRoot -ProfileSid $ProfileSid -Step $step -Lifecycle $lifecycle }
}
