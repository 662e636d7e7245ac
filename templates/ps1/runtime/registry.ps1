# ---- registry.ps1: typed values under HKLM or a user's hive; DWORDs unsigned, binaries byte by byte ----


function Get-KbRegistrySubKey {
    # The body passes 'SOFTWARE\X' (HKLM\ stripped); a leading HKLM\ is accepted as well.
    param([string]$Key)
    $subKey = [string]$Key
    foreach ($prefix in @('HKLM:\', 'HKLM\', 'HKEY_LOCAL_MACHINE\')) {
        if ($subKey.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) {
            $subKey = $subKey.Substring($prefix.Length)
            break
        }
    }
    $subKey = $subKey.Trim('\')
    if ($subKey.Length -eq 0) { throw 'empty registry key' }
    return $subKey
}

function Get-KbRegistryMachineRoot {
    # HKLM as this process sees it (View 0), or its 32-bit or 64-bit view named explicitly. A
    # playbook that names no view passes View 0 everywhere, and its scripts carry no view code
    # (the feature cuts, docs/runtime.md).
    param([int]$View = 0)
    if ($View -ne 0) { return (Open-KbRegistryViewRoot -View $View) }
    return [Microsoft.Win32.Registry]::LocalMachine
}

function Open-KbRegistryViewRoot {
    # .NET opens the 32-bit view when asked for the 64-bit one on 32-bit Windows, which has no
    # other: that is refused here, so a value is never read or written in a view the playbook did
    # not name.
    param([int]$View)
    if ($View -ne 32 -and $View -ne 64) { throw ('unknown registry view ' + $View) }
    if ($View -eq 64 -and -not [Environment]::Is64BitOperatingSystem) {
        throw 'this Windows is 32-bit: it has no 64-bit registry view (view 64)'
    }
    $named = [Microsoft.Win32.RegistryView]::Registry32
    if ($View -eq 64) { $named = [Microsoft.Win32.RegistryView]::Registry64 }
    return [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, $named)
}

function Format-KbRegistryView {
    # ' (32-bit view)' after a key in the log; nothing for the native view.
    param([int]$View = 0)
    if ($View -eq 0) { return '' }
    return (' (' + $View + '-bit view)')
}

function Open-KbRegistryKey {
    # HKLM\<Key> (in the view named, View 32 or 64), or HKEY_USERS\<UserHive>\<Key> when a user's
    # hive is named; $null when missing, created when -Create. The caller closes the handle (an
    # open one keeps a hive from unloading).
    param([string]$Key, [string]$UserHive = '', [switch]$Create, [int]$View = 0)
    $root = Get-KbRegistryMachineRoot -View $View
    $subKey = Get-KbRegistrySubKey -Key $Key
    if ($UserHive.Length -gt 0) {
        $root = [Microsoft.Win32.Registry]::Users
        $subKey = $UserHive + '\' + $subKey
    }
    if ($Create) { return $root.CreateSubKey($subKey) }
    return $root.OpenSubKey($subKey, $false)
}

function Read-KbRegistryValue {
    # A value as stored: its kind and raw data (REG_EXPAND_SZ not expanded).
    param([string]$Key, [string]$Name, [string]$UserHive = '', [int]$View = 0)
    $handle = Open-KbRegistryKey -Key $Key -UserHive $UserHive -View $View
    if ($null -eq $handle) { return @{ KeyExists = $false; Exists = $false; Kind = ''; Data = $null } }
    try {
        if (@($handle.GetValueNames()) -notcontains $Name) {
            return @{ KeyExists = $true; Exists = $false; Kind = ''; Data = $null }
        }
        $options = [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames
        $data = $handle.GetValue($Name, $null, $options)
        return @{ KeyExists = $true; Exists = $true; Kind = [string]$handle.GetValueKind($Name); Data = $data }
    } finally {
        $handle.Close()
    }
}

function ConvertFrom-KbHex {
    # 'a0 ff' or 'a0ff' -> [byte[]]
    param([string]$Text)
    $hex = $Text -replace '[\s,]', ''
    if ($hex -notmatch '^([0-9A-Fa-f]{2})*$') { throw ('binary data is not hex bytes: ' + $Text) }
    $bytes = New-Object byte[] ($hex.Length / 2)
    for ($i = 0; $i -lt $bytes.Length; $i++) {
        $bytes[$i] = [System.Convert]::ToByte($hex.Substring(2 * $i, 2), 16)
    }
    return , $bytes
}

function ConvertTo-KbRegistryData {
    # The playbook's data in the form compared with what is read: DWord [uint32], QWord [uint64],
    # Binary [byte[]], MultiString [string[]], String and ExpandString [string].
    param([string]$Type, [object]$Data)
    if ($Type -eq 'DWord') {
        $number = [int64]$Data
        if ($number -lt 0 -or $number -gt [uint32]::MaxValue) { throw ('DWORD data out of range: ' + $number) }
        return [uint32]$number
    }
    if ($Type -eq 'QWord') {
        return [uint64]::Parse(([string]$Data).Trim(), [System.Globalization.CultureInfo]::InvariantCulture)
    }
    if ($Type -eq 'Binary') {
        $bytes = ConvertFrom-KbHex -Text ([string]$Data)
        return , $bytes
    }
    if ($Type -eq 'MultiString') {
        $strings = New-Object System.Collections.Generic.List[string]
        foreach ($item in $Data) { $strings.Add([string]$item) }
        return , $strings.ToArray()
    }
    if ($Type -eq 'String' -or $Type -eq 'ExpandString') { return [string]$Data }
    throw ('unknown registry type ' + $Type)
}

function ConvertFrom-KbRegistryRaw {
    # What .NET returns (DWORD as Int32, QWORD as Int64) -> unsigned, so 4294967295 is not -1.
    param([string]$Kind, [object]$Data)
    if ($Kind -eq 'DWord') { return [BitConverter]::ToUInt32([BitConverter]::GetBytes([int32]$Data), 0) }
    if ($Kind -eq 'QWord') { return [BitConverter]::ToUInt64([BitConverter]::GetBytes([int64]$Data), 0) }
    if ($Kind -eq 'Binary' -or $Kind -eq 'MultiString') { return , $Data }
    return $Data
}

function Test-KbSameItems {
    # Element by element; strings compared ordinally (case matters in data).
    param([object[]]$Left, [object[]]$Right)
    if ($null -eq $Left) { $Left = @() }
    if ($null -eq $Right) { $Right = @() }
    if ($Left.Count -ne $Right.Count) { return $false }
    for ($i = 0; $i -lt $Left.Count; $i++) {
        if (-not [object]::Equals($Left[$i], $Right[$i])) { return $false }
    }
    return $true
}

function Test-KbRegistryDataEqual {
    # Same kind and same data, so a correct value never reports "changed" again.
    param([hashtable]$Value, [string]$Type, [object]$Expected)
    if (-not $Value['Exists'] -or $Value['Kind'] -ne $Type) { return $false }
    $actual = ConvertFrom-KbRegistryRaw -Kind $Type -Data $Value['Data']
    if ($Type -eq 'DWord' -or $Type -eq 'QWord') { return ($actual -eq $Expected) }
    if ($Type -eq 'Binary' -or $Type -eq 'MultiString') { return (Test-KbSameItems -Left $actual -Right $Expected) }
    return [string]::Equals([string]$actual, [string]$Expected, [System.StringComparison]::Ordinal)
}

function Format-KbRegistryData {
    param([string]$Type, [object]$Data)
    if ($Type -eq 'DWord') { return ('{0} (0x{0:x8})' -f $Data) }
    if ($Type -eq 'QWord') { return ('{0} (0x{0:x16})' -f $Data) }
    if ($Type -eq 'Binary') { return ('hex:' + ((@($Data) | ForEach-Object { '{0:x2}' -f $_ }) -join ' ')) }
    if ($Type -eq 'MultiString') { return ('[' + ((@($Data) | ForEach-Object { "'" + $_ + "'" }) -join ', ') + ']') }
    return ("'" + [string]$Data + "'")
}

function Format-KbRegistryState {
    # A read value as 'DWord 0 (0x00000000)', '(value missing)' or '(key missing)'.
    param([hashtable]$Value)
    if (-not $Value['KeyExists']) { return '(key missing)' }
    if (-not $Value['Exists']) { return '(value missing)' }
    $kind = [string]$Value['Kind']
    $data = ConvertFrom-KbRegistryRaw -Kind $kind -Data $Value['Data']
    return ($kind + ' ' + (Format-KbRegistryData -Type $kind -Data $data))
}

function Write-KbRegistryValue {
    # SetValue with an explicit kind; unsigned numbers go in as their signed bit patterns.
    param([string]$Key, [string]$Name, [string]$Type, [object]$Expected, [string]$UserHive = '', [int]$View = 0)
    $value = $Expected
    if ($Type -eq 'DWord') { $value = [BitConverter]::ToInt32([BitConverter]::GetBytes([uint32]$Expected), 0) }
    if ($Type -eq 'QWord') { $value = [BitConverter]::ToInt64([BitConverter]::GetBytes([uint64]$Expected), 0) }
    $handle = Open-KbRegistryKey -Key $Key -UserHive $UserHive -Create -View $View
    try {
        $handle.SetValue($Name, $value, [Microsoft.Win32.RegistryValueKind]$Type)
    } finally {
        $handle.Close()
    }
}
