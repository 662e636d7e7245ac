# User hives under HKEY_USERS and the reg.exe that loads and unloads them. The world's `users`
# section holds the loaded hives ({ "<name>": { "file": <hive file or absent>, "keys": <HKLM
# form> } }); a hive file in the simulated tree (NTUSER.DAT) holds the same keys as JSON. reg load
# reads the file into a new loaded hive; reg unload writes it back and removes it, and refuses
# while a key of the hive is open (Windows answers "Access is denied"), or while another process
# holds one (faults.hiveStuck: hive files). A hive file that is locked (faults.lockedExclusive),
# already loaded or not JSON does not load.

function global:ConvertTo-KbSimUsers {
    param([object]$Friendly)
    $users = @{}
    if ($null -eq $Friendly) { return $users }
    foreach ($name in $Friendly.Keys) {
        $hive = $Friendly[$name]
        $store = ConvertTo-KbSimRegistry -Friendly $hive['keys']
        $loaded = ConvertTo-Json -InputObject (ConvertFrom-KbSimRegistry -Store $store) -Depth 16
        $users[$name.ToLowerInvariant()] = @{ Name = $name; File = [string]$hive['file']; Store = $store; Loaded = $loaded }
    }
    return $users
}

function global:ConvertFrom-KbSimUsers {
    param([hashtable]$Users)
    $friendly = [ordered]@{}
    foreach ($key in ($Users.Keys | Sort-Object)) {
        $hive = $Users[$key]
        $entry = [ordered]@{ keys = (ConvertFrom-KbSimRegistry -Store $hive.Store) }
        if ($hive.File -ne '') { $entry['file'] = $hive.File }
        $friendly[$hive.Name] = $entry
    }
    return $friendly
}

function global:Get-KbSimHivePlace {
    # 'S-1-5-21-...\Software\X' -> the loaded hive's store and 'Software\X'; $null when not loaded.
    param([string]$Path)
    $parts = $Path.Trim('\').Split([char]'\', 2)
    if ($parts[0] -eq '') { return $null }
    $hive = $global:KbSim.Users[$parts[0].ToLowerInvariant()]
    if ($null -eq $hive) { return $null }
    $inner = ''
    if ($parts.Count -gt 1) { $inner = $parts[1] }
    return @{ Store = $hive.Store; Path = $inner }
}

function global:Add-KbSimHiveHandle {
    # Counts open keys per hive (the first part of an HKEY_USERS path).
    param([string]$Path, [int]$Change)
    $name = $Path.Trim('\').Split([char]'\')[0].ToLowerInvariant()
    $open = [int]$global:KbSim.HiveHandles[$name] + $Change
    $global:KbSim.HiveHandles[$name] = $open
}

function global:Split-KbSimArguments {
    # A command line as CommandLineToArgvW splits these simple ones: quoted or bare words.
    param([string]$Text)
    return @([regex]::Matches($Text, '"([^"]*)"|(\S+)') | ForEach-Object {
        if ($_.Groups[1].Success) { $_.Groups[1].Value } else { $_.Groups[2].Value }
    })
}

function global:Get-KbSimUsersName {
    # HKU\X or HKEY_USERS\X -> X; '' when the key is not directly below HKEY_USERS.
    param([string]$Key)
    if ($Key -notmatch '^(HKU|HKEY_USERS)\\([^\\]+)$') { return '' }
    return $Matches[2]
}

function global:Invoke-KbSimRegLoad {
    # -> @(<exit code>, <output>)
    param([string]$Key, [string]$File)
    $name = Get-KbSimUsersName $Key
    if ($name -eq '' -or $File -eq '') { return @(1, 'ERROR: Invalid syntax.') }
    if (-not (Get-KbSimSection 'identity')['elevated']) { return @(1, 'ERROR: A required privilege is not held by the client.') }
    if ($global:KbSim.Users.ContainsKey($name.ToLowerInvariant())) { return @(1, 'ERROR: Access is denied.') }
    if (-not [KbSimFile]::Exists($File)) { return @(1, 'ERROR: The system cannot find the file specified.') }
    foreach ($hive in $global:KbSim.Users.Values) {
        if ($hive.File -ne '' -and (Get-KbSimKey $hive.File) -eq (Get-KbSimKey $File)) {
            return @(1, 'ERROR: The process cannot access the file because it is being used by another process.')
        }
    }
    try {
        $text = $global:KbReal.File::ReadAllText((Get-KbSimOpenPath $File))
        $keys = ConvertFrom-Json -InputObject $text -AsHashtable
    } catch [System.IO.IOException] {
        return @(1, 'ERROR: The process cannot access the file because it is being used by another process.')
    } catch {
        return @(1, 'ERROR: The registry hive (file) is corrupt, its structure is wrong or its image in memory is damaged.')
    }
    if ($keys -isnot [hashtable]) { return @(1, 'ERROR: The registry hive (file) is corrupt, its structure is wrong or its image in memory is damaged.') }
    $store = ConvertTo-KbSimRegistry -Friendly $keys
    $loaded = ConvertTo-Json -InputObject (ConvertFrom-KbSimRegistry -Store $store) -Depth 16
    $global:KbSim.Users[$name.ToLowerInvariant()] = @{ Name = $name; File = $File; Store = $store; Loaded = $loaded }
    return @(0, 'The operation completed successfully.')
}

function global:Invoke-KbSimRegUnload {
    param([string]$Key)
    $name = Get-KbSimUsersName $Key
    $hive = $null
    if ($name -ne '') { $hive = $global:KbSim.Users[$name.ToLowerInvariant()] }
    if ($null -eq $hive -or $hive.File -eq '') { return @(1, 'ERROR: The parameter is incorrect.') }
    if ([int]$global:KbSim.HiveHandles[$name.ToLowerInvariant()] -gt 0) { return @(1, 'ERROR: Access is denied.') }
    # faults.hiveStuck: another process holds a key of the hive loaded from this file.
    if (Get-KbSimFlag 'hiveStuck' (Get-KbSimKey $hive.File)) { return @(1, 'ERROR: Access is denied.') }
    # Written back only when changed, so a run that only read leaves the file as it was.
    $json = ConvertTo-Json -InputObject (ConvertFrom-KbSimRegistry -Store $hive.Store) -Depth 16
    if ($json -ne $hive.Loaded) { $global:KbReal.File::WriteAllText((Get-KbSimHostPath $hive.File), $json) }
    $global:KbSim.Users.Remove($name.ToLowerInvariant())
    return @(0, 'The operation completed successfully.')
}

function global:Invoke-KbSimReg {
    # reg.exe load <key> <file> | unload <key>; the other verbs are not simulated.
    param([string]$Arguments)
    $argv = @(Split-KbSimArguments $Arguments)
    $verb = ''
    if ($argv.Count -gt 0) { $verb = $argv[0].ToLowerInvariant() }
    $key = ''
    if ($argv.Count -gt 1) { $key = $argv[1] }
    if ($verb -eq 'load' -and $argv.Count -eq 3) { return (Invoke-KbSimRegLoad -Key $key -File $argv[2]) }
    if ($verb -eq 'unload' -and $argv.Count -eq 2) { return (Invoke-KbSimRegUnload -Key $key) }
    return @(1, 'simulated Windows: reg.exe ' + $Arguments + ' is not simulated (load and unload are)')
}
