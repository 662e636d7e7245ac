# Replaces Microsoft.Win32.Registry: LocalMachine, and Users with the hives loaded in it (see
# hives.ps1). Keys and value names match without regard to case; values keep their kind; DWORD
# reads back as a signed Int32 and QWORD as Int64, as .NET returns them. A 32-bit process on
# 64-bit Windows sees HKLM\SOFTWARE through WOW6432Node. RegistryKey.OpenBaseKey names a view:
# Registry32 is that redirected view from any process on 64-bit Windows, Registry64 the plain one;
# 32-bit Windows has one view, which both names open (as .NET does). Only HKLM\SOFTWARE is
# redirected here (Windows also shares some keys below it: the scripts never rely on that). Every
# open key under a loaded hive is counted until it is closed: reg unload refuses a hive with open
# keys, as Windows does.

function global:ConvertTo-KbSimRegistry {
    # World form: { "SOFTWARE\\Key": { "Value": { "kind": "DWord", "data": 1 } } }.
    param([object]$Friendly)
    $store = @{}
    if ($null -eq $Friendly) { return $store }
    foreach ($keyName in $Friendly.Keys) {
        $entry = New-KbSimRegistryKeyEntry -Store $store -Path $keyName
        foreach ($valueName in $Friendly[$keyName].Keys) {
            $value = $Friendly[$keyName][$valueName]
            $entry.Values[$valueName.ToLowerInvariant()] = @{ Name = $valueName; Kind = [string]$value['kind']; Data = $value['data'] }
        }
    }
    return $store
}

function global:ConvertFrom-KbSimRegistry {
    param([hashtable]$Store)
    $friendly = [ordered]@{}
    foreach ($key in ($Store.Keys | Sort-Object)) {
        $values = [ordered]@{}
        foreach ($valueKey in ($Store[$key].Values.Keys | Sort-Object)) {
            $value = $Store[$key].Values[$valueKey]
            $values[$value.Name] = [ordered]@{ kind = $value.Kind; data = $value.Data }
        }
        $friendly[$Store[$key].Name] = $values
    }
    return $friendly
}

function global:New-KbSimRegistryKeyEntry {
    param([hashtable]$Store, [string]$Path)
    $key = $Path.Trim('\').ToLowerInvariant()
    if (-not $Store.ContainsKey($key)) { $Store[$key] = @{ Name = $Path.Trim('\'); Values = @{} } }
    return $Store[$key]
}

function global:Get-KbSimRegistryView {
    # The path a process of the simulated bitness really reaches through a key of the given view
    # (Default: the process's own; Registry32 or Registry64 named by OpenBaseKey).
    param([string]$Path, [string]$View = 'Default')
    $os = Get-KbSimSection 'os'
    $path = $Path.Trim('\')
    $thirtyTwo = $os['is64BitProcess'] -eq $false
    if ($View -eq 'Registry32') { $thirtyTwo = $true }
    if ($View -eq 'Registry64') { $thirtyTwo = $false }
    if ($thirtyTwo -and $os['architecture'] -eq 'AMD64' -and
        $path -match '^SOFTWARE(\\|$)' -and $path -notmatch '^SOFTWARE\\WOW6432Node(\\|$)') {
        return ('SOFTWARE\WOW6432Node' + $path.Substring(8))
    }
    return $path
}

function global:Test-KbSimRegistryKey {
    param([string]$Path, [hashtable]$Store = $global:KbSim.Registry)
    $key = $Path.Trim('\').ToLowerInvariant()
    if ($key -eq '') { return $true }
    foreach ($existing in $Store.Keys) {
        if ($existing -eq $key -or $existing.StartsWith($key + '\')) { return $true }
    }
    return $false
}

function global:Assert-KbSimRegistryWritable {
    param([string]$Path)
    foreach ($denied in @((Get-KbSimSection 'faults')['registryDeny'])) {
        if ($null -eq $denied) { continue }
        $deniedKey = ([string]$denied).Trim('\').ToLowerInvariant()
        $key = $Path.Trim('\').ToLowerInvariant()
        if ($key -eq $deniedKey -or $key.StartsWith($deniedKey + '\')) {
            throw [System.UnauthorizedAccessException]::new("Access to the registry key 'HKEY_LOCAL_MACHINE\$Path' is denied.")
        }
    }
}

function global:ConvertTo-KbSimRegistryRead {
    # What RegistryKey.GetValue returns for a stored value.
    param([hashtable]$Value, [bool]$Expand)
    $data = $Value.Data
    switch ($Value.Kind) {
        'DWord' { return [BitConverter]::ToInt32([BitConverter]::GetBytes([uint32][int64]$data), 0) }
        'QWord' { return [BitConverter]::ToInt64([BitConverter]::GetBytes([uint64]::Parse([string]$data)), 0) }
        'Binary' { return , [byte[]][System.Convert]::FromHexString([string]$data) }
        'MultiString' { return , [string[]]@($data) }
        'ExpandString' { if ($Expand) { return (Expand-KbSimEnvironment ([string]$data)) } else { return [string]$data } }
        default { return [string]$data }
    }
}

function global:ConvertTo-KbSimRegistryStored {
    # What RegistryKey.SetValue stores; a value that does not fit the kind is refused as .NET does.
    param([object]$Data, [string]$Kind)
    $bad = [System.ArgumentException]::new('The type of the value object did not match the specified RegistryValueKind or the object could not be properly converted.')
    switch ($Kind) {
        'DWord' {
            if ($Data -is [string] -or $Data -is [uint32] -or $Data -is [int64] -or $Data -is [uint64]) {
                if ([int64]$Data -lt [int]::MinValue -or [int64]$Data -gt [int]::MaxValue) { throw $bad }
            }
            return [int64][BitConverter]::ToUInt32([BitConverter]::GetBytes([int32]$Data), 0)
        }
        'QWord' { return [string][BitConverter]::ToUInt64([BitConverter]::GetBytes([int64]$Data), 0) }
        'Binary' { if ($Data -isnot [byte[]]) { throw $bad }; return [System.Convert]::ToHexString($Data) }
        'MultiString' { if ($Data -isnot [string[]]) { throw $bad }; return @($Data) }
        default { if ($Data -is [array]) { throw $bad }; return [string]$Data }
    }
}

class KbSimRegistryKey {
    # Hive 'HKLM' (Path below HKEY_LOCAL_MACHINE) or 'HKU' (Path = <loaded hive>\<key>, '' the root).
    [string]$Path
    [bool]$Writable
    [string]$Hive = 'HKLM'
    # HKLM only: the view it was opened in; its subkeys inherit it.
    [string]$View = 'Default'
    hidden [bool]$Counted
    KbSimRegistryKey([string]$path, [bool]$writable) { $this.Path = $path.Trim('\'); $this.Writable = $writable }
    KbSimRegistryKey([string]$path, [bool]$writable, [string]$hive) {
        $this.Path = $path.Trim('\'); $this.Writable = $writable; $this.Hive = $hive
        if ($hive -eq 'HKU' -and $this.Path -ne '') { $this.Counted = $true; Add-KbSimHiveHandle $this.Path 1 }
    }
    static [KbSimRegistryKey] OpenBaseKey([Microsoft.Win32.RegistryHive]$hive, [Microsoft.Win32.RegistryView]$view) {
        if ($hive -ne [Microsoft.Win32.RegistryHive]::LocalMachine) { throw [System.ArgumentException]::new('The simulated registry opens only HKLM in a named view.') }
        $key = [KbSimRegistryKey]::new('', $false)
        $key.View = [string]$view
        return $key
    }
    hidden [KbSimRegistryKey] Machine([string]$path, [bool]$writable) {
        $key = [KbSimRegistryKey]::new($path, $writable)
        $key.View = $this.View
        return $key
    }
    hidden [string] Child([string]$name) {
        if ($this.Path -eq '') { return $name.Trim('\') }
        return $this.Path + '\' + $name.Trim('\')
    }
    hidden [object] Place([string]$path) {
        # The store holding a path and the path inside it; $null for the HKU root or an unloaded hive.
        if ($this.Hive -eq 'HKLM') { return @{ Store = $global:KbSim.Registry; Path = (Get-KbSimRegistryView $path $this.View) } }
        return (Get-KbSimHivePlace $path)
    }
    hidden [hashtable] Entry() {
        $place = $this.Place($this.Path)
        if ($null -eq $place) { return $null }
        return $place.Store[$place.Path.ToLowerInvariant()]
    }
    [string] get_Name() {
        if ($this.Hive -eq 'HKU') { return 'HKEY_USERS\' + $this.Path }
        return 'HKEY_LOCAL_MACHINE\' + $this.Path
    }
    [object] OpenSubKey([string]$name) { return $this.OpenSubKey($name, $false) }
    [object] OpenSubKey([string]$name, [bool]$writable) {
        $child = $this.Child($name)
        $place = $this.Place($child)
        if ($null -eq $place -or -not (Test-KbSimRegistryKey -Path $place.Path -Store $place.Store)) { return $null }
        if ($this.Hive -eq 'HKU') { return [KbSimRegistryKey]::new($child, $writable, 'HKU') }
        return $this.Machine($place.Path, $writable)
    }
    [object] CreateSubKey([string]$name) {
        $child = $this.Child($name)
        $place = $this.Place($child)
        if ($null -eq $place) { throw [System.UnauthorizedAccessException]::new("Access to the registry key '$($this.get_Name())\$name' is denied.") }
        if (-not (Test-KbSimRegistryKey -Path $place.Path -Store $place.Store)) {
            if ($this.Hive -eq 'HKLM') { Assert-KbSimRegistryWritable $place.Path }
            $null = New-KbSimRegistryKeyEntry -Store $place.Store -Path $place.Path
        }
        if ($this.Hive -eq 'HKU') { return [KbSimRegistryKey]::new($child, $true, 'HKU') }
        return $this.Machine($place.Path, $true)
    }
    [string[]] GetSubKeyNames() {
        if ($this.Hive -eq 'HKU' -and $this.Path -eq '') { return [string[]]@($global:KbSim.Users.Values | ForEach-Object { $_.Name }) }
        $place = $this.Place($this.Path)
        if ($null -eq $place) { return [string[]]@() }
        $prefix = $place.Path.ToLowerInvariant()
        if ($prefix -ne '') { $prefix += '\' }
        $names = New-Object System.Collections.Generic.List[string]
        foreach ($key in $place.Store.Keys) {
            if (-not $key.StartsWith($prefix) -or $key.Length -eq $prefix.Length) { continue }
            $original = $place.Store[$key].Name
            $name = $original.Substring($prefix.Length).Split('\')[0]
            if (-not ($names | Where-Object { $_ -ieq $name })) { $names.Add($name) }
        }
        return $names.ToArray()
    }
    [string[]] GetValueNames() {
        $entry = $this.Entry()
        if ($null -eq $entry) { return [string[]]@() }
        return [string[]]@($entry.Values.Values | ForEach-Object { $_.Name })
    }
    [object] GetValue([string]$name) { return $this.GetValue($name, $null) }
    [object] GetValue([string]$name, [object]$default) { return $this.Read($name, $default, $true) }
    [object] GetValue([string]$name, [object]$default, [Microsoft.Win32.RegistryValueOptions]$options) {
        return $this.Read($name, $default, ($options -ne [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames))
    }
    hidden [object] Read([string]$name, [object]$default, [bool]$expand) {
        $entry = $this.Entry()
        if ($null -eq $entry -or -not $entry.Values.ContainsKey($name.ToLowerInvariant())) { return $default }
        return (ConvertTo-KbSimRegistryRead -Value $entry.Values[$name.ToLowerInvariant()] -Expand $expand)
    }
    [Microsoft.Win32.RegistryValueKind] GetValueKind([string]$name) {
        $entry = $this.Entry()
        if ($null -eq $entry -or -not $entry.Values.ContainsKey($name.ToLowerInvariant())) {
            throw [System.IO.IOException]::new('The system cannot find the file specified.')
        }
        return [Microsoft.Win32.RegistryValueKind]$entry.Values[$name.ToLowerInvariant()].Kind
    }
    [void] SetValue([string]$name, [object]$value, [Microsoft.Win32.RegistryValueKind]$kind) {
        if (-not $this.Writable) { throw [System.UnauthorizedAccessException]::new('Cannot write to the registry key.') }
        $place = $this.Place($this.Path)
        if ($null -eq $place) { throw [System.IO.IOException]::new('Illegal operation attempted on a registry key that has been marked for deletion.') }
        if ($this.Hive -eq 'HKLM') { Assert-KbSimRegistryWritable $this.Path }
        $stored = ConvertTo-KbSimRegistryStored -Data $value -Kind ([string]$kind)
        $entry = New-KbSimRegistryKeyEntry -Store $place.Store -Path $place.Path
        $entry.Values[$name.ToLowerInvariant()] = @{ Name = $name; Kind = [string]$kind; Data = $stored }
    }
    [void] Close() {
        if ($this.Counted) { $this.Counted = $false; Add-KbSimHiveHandle $this.Path -1 }
    }
    [void] Dispose() { $this.Close() }
}

class KbSimRegistry {
    static [KbSimRegistryKey]$LocalMachine = [KbSimRegistryKey]::new('', $false)
    static [KbSimRegistryKey]$Users = [KbSimRegistryKey]::new('', $false, 'HKU')
}
