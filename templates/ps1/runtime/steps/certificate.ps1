# ---- steps/certificate.ps1: a certificate present in a LocalMachine store ----
# Present: ok. Missing: imported from the .cer file named by the ImportFrom parameter when the
# caller gave one (and it is the right certificate), otherwise status manual with what to import
# where. Never reported as fixed without the certificate in the store.

function Get-KbImportFile {
    # The .cer path from the named parameter, or $null when the caller did not give one.
    param([string]$ImportFrom)
    if ([string]::IsNullOrEmpty($ImportFrom)) { return $null }
    $value = [string](Get-KbParameterValue -Name $ImportFrom)
    if ($value.Length -eq 0) { return $null }
    if (-not (Test-KbFullyQualifiedPath -Path $value)) { throw ('-' + $ImportFrom + ' is not a full path: ' + $value) }
    if (-not [System.IO.File]::Exists($value)) { throw ('-' + $ImportFrom + ': file not found: ' + $value) }
    return $value
}

function Format-KbImportHint {
    param([string]$Store, [string]$Target, [string]$ImportFrom)
    $hint = 'import the certificate ' + $Target + ' into LocalMachine\' + $Store + ' (certlm.msc, or certutil -addstore ' + $Store + ' <file.cer>)'
    if (-not [string]::IsNullOrEmpty($ImportFrom)) { $hint += ', or run this script with -' + $ImportFrom + ' <full path of the .cer file>' }
    return $hint
}

function Add-KbCertificateToStore {
    param([string]$Store, [object]$Certificate)
    $handle = Open-KbCertificateStore -Store $Store -Write
    try {
        $handle.Add($Certificate)
    } finally {
        $handle.Close()
    }
}

function Invoke-KbCertificateStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [string]$Store,
        [string]$Thumbprint = '',
        [string]$Subject = '',
        [string]$ImportFrom = ''
    )
    try {
        if (-not (Test-KbStepGuard -ResultId $Id -Guard $Guard)) { return }
        if ([string]::IsNullOrEmpty($Thumbprint) -and [string]::IsNullOrEmpty($Subject)) { throw 'neither a thumbprint nor a subject given' }
        $target = Format-KbCertificateTarget -Thumbprint $Thumbprint -Subject $Subject
        $found = @(Find-KbCertificate -Store $Store -Thumbprint $Thumbprint -Subject $Subject)
        if ($found.Count -gt 0) {
            $present = 'present: ' + (Format-KbCertificate -Certificate $found[0])
            Add-KbResult -Id $Id -Status 'ok' -Before $present -After $present -Message ('LocalMachine\' + $Store)
            return
        }
        $file = Get-KbImportFile -ImportFrom $ImportFrom
        if ($null -eq $file) {
            Add-KbResult -Id $Id -Status 'manual' -Before 'missing' -After 'missing' -Message (Format-KbImportHint -Store $Store -Target $target -ImportFrom $ImportFrom)
            return
        }
        $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($file)
        if (-not (Test-KbCertificateMatch -Certificate $certificate -Thumbprint $Thumbprint -Subject $Subject)) {
            Add-KbResult -Id $Id -Status 'failed' -Before 'missing' -After 'missing' -Message ($file + ' holds ' + (Format-KbCertificate -Certificate $certificate) + ', not ' + $target)
            return
        }
        if (-not $PSCmdlet.ShouldProcess('LocalMachine\' + $Store, 'Import ' + $target + ' from ' + $file)) {
            Add-KbResult -Id $Id -Status 'changed' -Before 'missing' -After 'present' -Message ('would import ' + $file + ' into LocalMachine\' + $Store) -Simulated
            return
        }
        Add-KbCertificateToStore -Store $Store -Certificate $certificate
        $again = @(Find-KbCertificate -Store $Store -Thumbprint $Thumbprint -Subject $Subject)
        if ($again.Count -gt 0) {
            Add-KbResult -Id $Id -Status 'changed' -Before 'missing' -After ('present: ' + (Format-KbCertificate -Certificate $again[0])) -Message ('imported ' + $file + ' into LocalMachine\' + $Store)
        } else {
            Add-KbResult -Id $Id -Status 'failed' -Before 'missing' -After 'missing' -Message ('did not stick: ' + $target + ' is not in LocalMachine\' + $Store + ' after the import')
        }
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('certificate: ' + (Get-KbErrorText $_))
    }
}
