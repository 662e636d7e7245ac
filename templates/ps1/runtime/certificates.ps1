# ---- certificates.ps1: LocalMachine certificate stores; friendly names read from the raw property ----


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
