# Replaces X509Store and X509Certificate2: LocalMachine stores from the world
# (certificates.<store>: thumbprint, subject CN, notAfter). A certificate file to import is a
# JSON file in the simulated tree with the same fields.

class KbSimCertificate {
    [string]$Thumbprint
    [string]$Subject
    [string]$FriendlyName = ''
    [DateTime]$NotAfter
    KbSimCertificate() {}
    KbSimCertificate([string]$file) {
        if (-not [KbSimFile]::Exists($file)) {
            throw [System.Security.Cryptography.CryptographicException]::new('The system cannot find the file specified.')
        }
        $fields = [KbSimFile]::ReadAllText($file) | ConvertFrom-Json -AsHashtable
        $this.Fill($fields)
    }
    [void] Fill([hashtable]$fields) {
        $this.Thumbprint = ([string]$fields['thumbprint']).ToUpperInvariant()
        $this.Subject = 'CN=' + [string]$fields['subject']
        $this.NotAfter = [DateTime]::Parse([string]$fields['notAfter'], [cultureinfo]::InvariantCulture)
    }
    [string] GetNameInfo([System.Security.Cryptography.X509Certificates.X509NameType]$type, [bool]$forIssuer) {
        return $this.Subject.Substring(3)
    }
    [hashtable] ToWorld() {
        return @{ thumbprint = $this.Thumbprint; subject = $this.Subject.Substring(3); notAfter = $this.NotAfter.ToString('yyyy-MM-dd') }
    }
}

class KbSimStore {
    [string]$Name
    [bool]$Writable
    hidden [bool]$Opened
    KbSimStore([string]$name, [object]$location) { $this.Name = $name }
    [void] Open([System.Security.Cryptography.X509Certificates.OpenFlags]$flags) {
        $stores = Get-KbSimSection 'certificates'
        $exists = $stores.ContainsKey($this.Name)
        $existingOnly = ([int]$flags -band 4) -ne 0
        if (-not $exists -and $existingOnly) { throw [System.Security.Cryptography.CryptographicException]::new('The system cannot find the file specified.') }
        if (-not $exists) { $stores[$this.Name] = @() }
        $this.Writable = ([int]$flags -band 3) -ne 0
        if ($this.Writable -and (Get-KbSimFlag 'certificateStoreDeny' $this.Name)) {
            throw [System.Security.Cryptography.CryptographicException]::new('Access is denied.')
        }
        $this.Opened = $true
    }
    [void] Add([object]$certificate) {
        if (-not $this.Writable) { throw [System.Security.Cryptography.CryptographicException]::new('The store is read-only.') }
        $stores = Get-KbSimSection 'certificates'
        $stores[$this.Name] = @(@($stores[$this.Name]) | Where-Object { $null -ne $_ }) + @($certificate.ToWorld())
    }
    [void] Close() { $this.Opened = $false }
}

Update-TypeData -TypeName KbSimStore -MemberType ScriptProperty -MemberName Certificates -Force -Value {
    , @(@((Get-KbSimSection 'certificates')[$this.Name]) | Where-Object { $null -ne $_ } | ForEach-Object {
            $certificate = [KbSimCertificate]::new()
            $certificate.Fill($_)
            $certificate
        })
}
