# ---- applicability.ps1: what this machine is and has, and whether the playbook applies ----
# Also the readers probes and steps share (services, registry values, certificate stores) and the
# 64-bit relaunch: both the remediation and the detection script include this file.

# ---- Versions, Windows, architecture, account ----

function ConvertTo-KbVersion {
    # '4.00.6487.2111' -> [version] padded to four parts, so 4.0 equals 4.0.0.0 (as the compiler
    # compares). Text after the number (e.g. ' (build info)') is ignored; $null for empty input.
    param([object]$Text)
    if ($null -eq $Text) { return $null }
    $clean = ([string]$Text).Trim()
    if ($clean.Length -eq 0) { return $null }
    $isVersion = $clean -match '^(\d+(\.\d+){0,3})'
    if (-not $isVersion) { throw ("'" + $clean + "' is not a version") }
    $parts = New-Object System.Collections.Generic.List[int]
    foreach ($part in $Matches[1].Split('.')) { $parts.Add([int]$part) }
    while ($parts.Count -lt 4) { $parts.Add(0) }
    return [System.Version]::new($parts[0], $parts[1], $parts[2], $parts[3])
}

function Get-KbNtVersion {
    # major.minor only: 5.1 XP, 5.2 Server 2003, 6.1 Windows 7, 10.0 Windows 10 and later.
    $os = [Environment]::OSVersion.Version
    return [System.Version]::new($os.Major, $os.Minor, 0, 0)
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
    try {
        $value = $key.GetValue($Name, $null)
        if ($null -eq $value) { return $null }
        return [string]$value
    } finally {
        $key.Close()
    }
}

function Get-KbProductLocation {
    # Where each product kbfix knows keeps its version (first key found wins); the same table as
    # src/model/products.ts. The ConfigMgr 2007 client is 32-bit: on 64-bit Windows its key is
    # under WOW6432Node.
    param([string]$Product)
    if ($Product -eq 'configmgr-client') {
        return @{
            Keys = @('SOFTWARE\Microsoft\SMS\Mobile Client', 'SOFTWARE\Wow6432Node\Microsoft\SMS\Mobile Client')
            Value = 'ProductVersion'
        }
    }
    throw ('unknown product ' + $Product)
}

function Get-KbProductVersion {
    # The installed version as text, or $null when the product is not installed.
    param([string]$Product)
    $location = Get-KbProductLocation -Product $Product
    foreach ($subKey in $location['Keys']) {
        $text = Get-KbRegistryString -SubKey $subKey -Name $location['Value']
        if (-not [string]::IsNullOrEmpty($text)) { return $text }
    }
    return $null
}

# ---- Applicability ----

function Get-KbWindowsMismatch {
    param([hashtable]$Applies)
    $nt = Get-KbNtVersion
    $text = 'Windows NT ' + $nt.Major + '.' + $nt.Minor
    $min = ConvertTo-KbVersion $Applies['WindowsMin']
    if ($null -ne $min -and $nt -lt $min) { return ($text + ' is older than NT ' + $Applies['WindowsMin']) }
    $max = ConvertTo-KbVersion $Applies['WindowsMax']
    if ($null -ne $max -and $nt -gt $max) { return ($text + ' is newer than NT ' + $Applies['WindowsMax']) }
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
    # Applies keys, all optional: WindowsMin, WindowsMax (NT major.minor, inclusive), Architecture,
    # ProductId with ProductMin (inclusive) and ProductBelow (exclusive), Context.
    param([hashtable]$Applies)
    $reason = $null
    if ($null -ne $Applies) {
        $reason = Get-KbWindowsMismatch -Applies $Applies
        if ($null -eq $reason) { $reason = Get-KbArchitectureMismatch -Applies $Applies }
        if ($null -eq $reason) { $reason = Get-KbProductMismatch -Applies $Applies }
        if ($null -eq $reason) { $reason = Get-KbContextMismatch -Applies $Applies }
    }
    if ($null -eq $reason) { return @{ Applicable = $true; Reason = '' } }
    return @{ Applicable = $false; Reason = [string]$reason }
}

# ---- The 64-bit host (rule 18) ----

function Test-KbNeeds64BitHost {
    # A 32-bit PowerShell on 64-bit Windows sees SysWOW64 and WOW6432Node instead of the real ones.
    if ([Environment]::Is64BitProcess) { return $false }
    return (-not [string]::IsNullOrEmpty([Environment]::GetEnvironmentVariable('PROCESSOR_ARCHITEW6432')))
}

function ConvertTo-KbRelaunchValue {
    # Windows PowerShell 5.1 wraps an argument with spaces in quotes without doubling the
    # backslashes before the closing quote, and cannot pass '"' intact: double them, reject '"'.
    param([string]$Name, [string]$Value)
    if ($Value.IndexOf([char]34) -ge 0) { throw ('-' + $Name + ' contains a double quote') }
    if ($Value.StartsWith('-')) { throw ('-' + $Name + ' starts with -, which -File would read as a parameter name') }
    if ($Value -match '\s') { return ($Value -replace '(\\+)$', '$1$1') }
    return $Value
}

function ConvertTo-KbRelaunchArguments {
    # The bound parameters again: switches as -Name, values as -Name value (arrays comma-joined:
    # -File cannot pass arrays); false switches and empty values are left out (their defaults).
    param([System.Collections.IDictionary]$BoundParameters)
    $list = New-Object System.Collections.Generic.List[string]
    if ($null -eq $BoundParameters) { return }
    foreach ($name in @($BoundParameters.Keys)) {
        $value = $BoundParameters[$name]
        if ($null -eq $value) { continue }
        if ($value -is [System.Management.Automation.SwitchParameter] -or $value -is [bool]) {
            if ([bool]$value) { $list.Add('-' + $name) }
            continue
        }
        $text = [string]$value
        if ($value -is [array]) { $text = (@($value) | ForEach-Object { [string]$_ }) -join ',' }
        if ($text.Length -eq 0) { continue }
        $list.Add('-' + $name)
        $list.Add((ConvertTo-KbRelaunchValue -Name $name -Value $text))
    }
    $list.ToArray()
}

function Invoke-KbRelaunch64 {
    # In a 32-bit host on 64-bit Windows: run this script again in the 64-bit host (Sysnative) and
    # exit with its exit code; its output is ours. Otherwise return and carry on.
    param([System.Collections.IDictionary]$BoundParameters, [string]$ScriptPath)
    if (-not (Test-KbNeeds64BitHost)) {
        [Environment]::SetEnvironmentVariable('KBFIX_RELAUNCHED', '', 'Process')
        return
    }
    if ([Environment]::GetEnvironmentVariable('KBFIX_RELAUNCHED') -eq '1') {
        throw 'still a 32-bit process after relaunching in the 64-bit host'
    }
    if ([string]::IsNullOrEmpty($ScriptPath)) { throw 'cannot relaunch in the 64-bit host: the script path is unknown' }
    $windir = [string][Environment]::GetEnvironmentVariable('windir')
    $host64 = $windir + '\Sysnative\WindowsPowerShell\v1.0\powershell.exe'
    if (-not (Test-KbFullyQualifiedPath -Path $windir) -or -not [System.IO.File]::Exists($host64)) {
        throw ('cannot relaunch in the 64-bit host: ' + $host64 + ' not found')
    }
    $arguments = @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $ScriptPath) +
        @(ConvertTo-KbRelaunchArguments -BoundParameters $BoundParameters)
    [Environment]::SetEnvironmentVariable('KBFIX_RELAUNCHED', '1', 'Process')
    & $host64 $arguments
    exit $LASTEXITCODE
}

function Get-KbCallerParameters {
    # The script's own bound parameters and path (Start-KbRun and Start-KbDetect take no arguments).
    $bound = Get-Variable -Name 'PSBoundParameters' -Scope Script -ValueOnly -ErrorAction SilentlyContinue
    if ($null -eq $bound) { $bound = @{} }
    $path = [string](Get-Variable -Name 'PSCommandPath' -Scope Script -ValueOnly -ErrorAction SilentlyContinue)
    if ($path.Length -eq 0) { $path = [string]$MyInvocation.ScriptName }
    return @{ Bound = $bound; Path = $path }
}

# ---- Services ----

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

# ---- Registry values under HKLM ----

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

function Read-KbRegistryValue {
    # A value as stored: its kind and raw data (REG_EXPAND_SZ not expanded).
    param([string]$Key, [string]$Name)
    $handle = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey((Get-KbRegistrySubKey -Key $Key), $false)
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
    param([string]$Key, [string]$Name, [string]$Type, [object]$Expected)
    $value = $Expected
    if ($Type -eq 'DWord') { $value = [BitConverter]::ToInt32([BitConverter]::GetBytes([uint32]$Expected), 0) }
    if ($Type -eq 'QWord') { $value = [BitConverter]::ToInt64([BitConverter]::GetBytes([uint64]$Expected), 0) }
    $handle = [Microsoft.Win32.Registry]::LocalMachine.CreateSubKey((Get-KbRegistrySubKey -Key $Key))
    try {
        $handle.SetValue($Name, $value, [Microsoft.Win32.RegistryValueKind]$Type)
    } finally {
        $handle.Close()
    }
}

# ---- Certificate stores (LocalMachine) ----

function Open-KbCertificateStore {
    # $null when a store cannot be opened for reading (it does not exist: reading never creates one).
    param([string]$Store, [switch]$Write)
    $location = [System.Security.Cryptography.X509Certificates.StoreLocation]::LocalMachine
    $handle = [System.Security.Cryptography.X509Certificates.X509Store]::new($Store, $location)
    $flags = [System.Security.Cryptography.X509Certificates.OpenFlags]::ReadOnly -bor
        [System.Security.Cryptography.X509Certificates.OpenFlags]::OpenExistingOnly
    if ($Write) { $flags = [System.Security.Cryptography.X509Certificates.OpenFlags]::ReadWrite }
    try {
        $handle.Open($flags)
    } catch {
        if ($Write) { throw }
        return $null
    }
    return $handle
}

function ConvertTo-KbThumbprint {
    param([string]$Thumbprint)
    return ([string]$Thumbprint -replace '[^0-9A-Fa-f]', '').ToUpperInvariant()
}

function Test-KbCertificateMatch {
    # By thumbprint when given, else by the subject's common name (GetNameInfo SimpleName).
    param([object]$Certificate, [string]$Thumbprint, [string]$Subject)
    $wanted = ConvertTo-KbThumbprint -Thumbprint $Thumbprint
    if ($wanted.Length -gt 0) { return ($Certificate.Thumbprint -eq $wanted) }
    $simpleName = [System.Security.Cryptography.X509Certificates.X509NameType]::SimpleName
    return ($Certificate.GetNameInfo($simpleName, $false) -eq $Subject)
}

function Find-KbCertificate {
    # The matching certificates in a LocalMachine store (none when the store does not exist).
    param([string]$Store, [string]$Thumbprint = '', [string]$Subject = '')
    $handle = Open-KbCertificateStore -Store $Store
    if ($null -eq $handle) { return }
    try {
        foreach ($certificate in $handle.Certificates) {
            if (Test-KbCertificateMatch -Certificate $certificate -Thumbprint $Thumbprint -Subject $Subject) { $certificate }
        }
    } finally {
        $handle.Close()
    }
}

function Format-KbCertificateTarget {
    param([string]$Thumbprint, [string]$Subject)
    if (-not [string]::IsNullOrEmpty($Thumbprint)) { return ('thumbprint ' + (ConvertTo-KbThumbprint -Thumbprint $Thumbprint)) }
    return ('CN=' + $Subject)
}

function Format-KbCertificate {
    param([object]$Certificate)
    $simpleName = [System.Security.Cryptography.X509Certificates.X509NameType]::SimpleName
    $expires = $Certificate.NotAfter.ToString('yyyy-MM-dd', [System.Globalization.CultureInfo]::InvariantCulture)
    return ('CN=' + $Certificate.GetNameInfo($simpleName, $false) + ', thumbprint ' + $Certificate.Thumbprint + ', valid to ' + $expires)
}

function Test-KbUtf16InnerNul {
    # A NUL character with text after it (a terminating NUL is normal).
    param([byte[]]$Blob, [int]$Start, [int]$Size)
    $count = [int][Math]::Floor($Size / 2)
    $seenNul = $false
    for ($i = 0; $i -lt $count; $i++) {
        $character = [BitConverter]::ToUInt16($Blob, $Start + 2 * $i)
        if ($character -eq 0) { $seenNul = $true } elseif ($seenNul) { return $true }
    }
    return $false
}

function Test-KbBlobFriendlyNameHasNul {
    # A serialized certificate is a list of properties: id (4 bytes), reserved (4), size (4), data.
    # Property 11 is the friendly name, UTF-16.
    param([byte[]]$Blob)
    $offset = 0
    while ($offset + 12 -le $Blob.Length) {
        $propertyId = [BitConverter]::ToUInt32($Blob, $offset)
        $size = [int64][BitConverter]::ToUInt32($Blob, $offset + 8)
        $start = $offset + 12
        if ($start + $size -gt $Blob.Length) { return $false }
        if ($propertyId -eq 11) { return (Test-KbUtf16InnerNul -Blob $Blob -Start $start -Size ([int]$size)) }
        $offset = [int]($start + $size)
    }
    return $false
}

function Get-KbNulFriendlyNameThumbprints {
    # KB977203: certificates whose friendly name contains a NUL. X509Certificate2.FriendlyName stops
    # at the first NUL, so the store's registry copy (SystemCertificates\<store>\Certificates) is read.
    param([string]$Store)
    $key = [Microsoft.Win32.Registry]::LocalMachine.OpenSubKey('SOFTWARE\Microsoft\SystemCertificates\' + $Store + '\Certificates', $false)
    if ($null -eq $key) { return }
    try {
        foreach ($name in $key.GetSubKeyNames()) {
            $blob = $null
            $entry = $key.OpenSubKey($name, $false)
            if ($null -eq $entry) { continue }
            try { $blob = $entry.GetValue('Blob', $null) } finally { $entry.Close() }
            if ($blob -is [byte[]] -and (Test-KbBlobFriendlyNameHasNul -Blob $blob)) { $name }
        }
    } finally {
        $key.Close()
    }
}
