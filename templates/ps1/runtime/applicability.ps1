# ---- applicability.ps1: what this machine is and has, and whether the playbook applies ----

# ---- Versions, Windows, architecture, account ----

function ConvertTo-KbVersion {
    # '4.00.6487.2111' -> [version] padded to four parts, so 4.0 equals 4.0.0.0 (as the compiler
    # compares). Text after the number (e.g. ' (build info)') is ignored; $null for empty input.
    # $null and '' ([string]$null is '') are no version. Missing parts are 0.
    param([object]$Text)
    $clean = ([string]$Text).Trim()
    if ($clean.Length -eq 0) { return $null }
    if ($clean -notmatch '^(\d+(\.\d+){0,3})') { throw ("'" + $clean + "' is not a version") }
    $parts = @($Matches[1].Split('.') | ForEach-Object { [int]$_ }) + @(0, 0, 0)
    return [System.Version]::new($parts[0], $parts[1], $parts[2], $parts[3])
}

function Get-KbWindowsVersion {
    # major.minor.build: 5.1.2600 XP, 6.1.7601 Windows 7 SP1, 10.0.22000 and later Windows 11.
    # powershell.exe declares Windows 10 in its manifest, so OSVersion is not capped at 6.2.
    $os = [Environment]::OSVersion.Version
    return [System.Version]::new($os.Major, $os.Minor, $os.Build, 0)
}

function Format-KbWindowsVersion {
    param([System.Version]$Version)
    return ('Windows NT ' + $Version.Major + '.' + $Version.Minor + ' build ' + $Version.Build)
}

function Get-KbArchitecture {
    # The machine's architecture, also from a 32-bit process (PROCESSOR_ARCHITEW6432).
    $raw = [Environment]::GetEnvironmentVariable('PROCESSOR_ARCHITEW6432')
    if ([string]::IsNullOrEmpty($raw)) { $raw = [Environment]::GetEnvironmentVariable('PROCESSOR_ARCHITECTURE') }
    if ([string]::IsNullOrEmpty($raw)) { return 'unknown' }
    $names = @{ 'AMD64' = 'x64'; 'X86' = 'x86'; 'ARM64' = 'arm64' }
    if ($names.ContainsKey($raw)) { return $names[$raw] }
    return $raw.ToLowerInvariant()
}

function Test-KbIsSystem {
    return ([System.Security.Principal.WindowsIdentity]::GetCurrent().User.Value -eq 'S-1-5-18')
}

function Test-KbIsAdministrator {
    # Elevated administrator (SYSTEM is one too); a filtered UAC token is not.
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = [System.Security.Principal.WindowsPrincipal]::new($identity)
    return $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)
}

# ---- Products ----

function Get-KbRegistryString {
    # A value under HKLM as text (environment references expanded), or $null when absent.
    param([string]$SubKey, [string]$Name)
    $key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey($SubKey, $false)
    if ($null -eq $key) { return $null }
    try { $value = $key.GetValue($Name, $null) } finally { $key.Close() }
    if ($null -eq $value) { return $null }
    return [string]$value
}

# Where each product kbfix knows keeps its version (first key found wins); the same table as
# src/model/products.ts. The ConfigMgr 2007 client is 32-bit: on 64-bit Windows its key is
# under WOW6432Node.
$script:KbProductLocations = @{
    'configmgr-client' = @{
        Keys = @('SOFTWARE\Microsoft\SMS\Mobile Client', 'SOFTWARE\Wow6432Node\Microsoft\SMS\Mobile Client')
        Value = 'ProductVersion'
    }
}

function Get-KbProductVersion {
    # The installed version as text, or $null when the product is not installed.
    param([string]$Product)
    $location = $script:KbProductLocations[$Product]
    if ($null -eq $location) { throw ('unknown product ' + $Product) }
    foreach ($subKey in $location['Keys']) {
        $text = Get-KbRegistryString -SubKey $subKey -Name $location['Value']
        if (-not [string]::IsNullOrEmpty($text)) { return $text }
    }
    return $null
}

# ---- Applicability ----

function Get-KbWindowsMismatch {
    # Each range end is compared at the precision it is written in: '10.0' compares major.minor
    # only (every build of 10.0 is inside it), '10.0.22000' the build as well; the reason names
    # this machine's version just as precisely. A bound is major.minor or major.minor.build (the
    # compiler checks the form), so it needs none of ConvertTo-KbVersion's leniency.
    param([hashtable]$Applies)
    $os = Get-KbWindowsVersion
    foreach ($end in @('WindowsMin', 'WindowsMax')) {
        $bound = [string]$Applies[$end]
        if ($bound.Length -eq 0) { continue }
        # A bound without a build (6.1) compares major.minor: build 0 on both sides.
        $parts = @($bound.Split('.') | ForEach-Object { [int]$_ }) + @(0)
        $machine = [System.Version]::new($os.Major, $os.Minor, 0, 0)
        $text = 'Windows NT ' + $os.Major + '.' + $os.Minor
        if ($parts.Count -gt 3) {
            $machine = $os
            $text += '.' + $os.Build
        }
        $target = [System.Version]::new($parts[0], $parts[1], $parts[2], 0)
        if ($end -eq 'WindowsMin' -and $machine -lt $target) { return ($text + ' is older than NT ' + $bound) }
        if ($end -eq 'WindowsMax' -and $machine -gt $target) { return ($text + ' is newer than NT ' + $bound) }
    }
    return $null
}

function Get-KbArchitectureMismatch {
    param([hashtable]$Applies)
    $allowed = $Applies['Architecture']
    if ($null -eq $allowed -or @($allowed).Count -eq 0) { return $null }
    $architecture = Get-KbArchitecture
    if (@($allowed) -contains $architecture) { return $null }
    return ('architecture ' + $architecture + ' is not one of ' + (@($allowed) -join ', '))
}

function Get-KbProductMismatch {
    param([hashtable]$Applies)
    $product = [string]$Applies['ProductId']
    if ($product.Length -eq 0) { return $null }
    $text = Get-KbProductVersion -Product $product
    if ($null -eq $text) { return ($product + ' is not installed') }
    $version = ConvertTo-KbVersion $text
    $min = ConvertTo-KbVersion $Applies['ProductMin']
    if ($null -ne $min -and $version -lt $min) {
        return ($product + ' ' + $text + ' is older than ' + $Applies['ProductMin'])
    }
    $below = ConvertTo-KbVersion $Applies['ProductBelow']
    if ($null -ne $below -and $version -ge $below) {
        return ($product + ' ' + $text + ' is not below ' + $Applies['ProductBelow'])
    }
    return $null
}

function Get-KbContextMismatch {
    # system: SYSTEM or an elevated administrator; user: anything but SYSTEM.
    param([hashtable]$Applies)
    $context = [string]$Applies['Context']
    if ($context -eq 'system' -and -not (Test-KbIsSystem) -and -not (Test-KbIsAdministrator)) {
        return 'needs SYSTEM or an elevated administrator'
    }
    if ($context -eq 'user' -and (Test-KbIsSystem)) { return 'meant for a user context, not SYSTEM' }
    return $null
}

function Test-KbApplicable {
    # Applies keys, all optional: WindowsMin, WindowsMax (NT major.minor or major.minor.build,
    # inclusive at the precision written), Architecture,
    # ProductId with ProductMin (inclusive) and ProductBelow (exclusive), Context; and Checks, the
    # names of the checks those keys need, in this order: Get-KbWindowsMismatch,
    # Get-KbArchitectureMismatch, Get-KbProductMismatch, Get-KbContextMismatch. The compiler names
    # them in the data so that a script carries only the checks its data uses (docs/runtime.md,
    # data-named functions); a name outside that list is refused, never run.
    # Every caller passes a hashtable: the compiler writes one for every applies (psApplies, @{}
    # when empty) and the detection's and remediation's $script:KbApplies is one.
    param([hashtable]$Applies)
    foreach ($check in $Applies['Checks']) {
        if ([string]$check -notmatch '^Get-Kb(Windows|Architecture|Product|Context)Mismatch$') {
            throw ('unknown applicability check ' + $check)
        }
        $reason = & $check -Applies $Applies
        if ($null -ne $reason) { return @{ Applicable = $false; Reason = [string]$reason } }
    }
    return @{ Applicable = $true; Reason = '' }
}
