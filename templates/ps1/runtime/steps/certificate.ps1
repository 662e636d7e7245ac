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

function Get-KbCertificateState {
    param([hashtable]$Step)
    if ([string]::IsNullOrEmpty($Step['Thumbprint']) -and [string]::IsNullOrEmpty($Step['Subject'])) { throw 'neither a thumbprint nor a subject given' }
    $found = @(Find-KbCertificate -Store $Step['Store'] -Thumbprint $Step['Thumbprint'] -Subject $Step['Subject'])
    $state = @{ Text = 'missing'; Value = [ordered]@{ present = $false; thumbprint = '' }; Target = 'LocalMachine\' + $Step['Store']; Present = $false }
    if ($found.Count -gt 0) {
        $state['Text'] = 'present: ' + (Format-KbCertificate -Certificate $found[0])
        $state['Value'] = [ordered]@{ present = $true; thumbprint = [string]$found[0].Thumbprint }
        $state['Present'] = $true
    }
    return $state
}

function Test-KbCertificateState {
    param([hashtable]$Step, [hashtable]$State)
    return $State['Present']
}

function Get-KbCertificatePlan {
    # The import to make, or why there is none: no file given (manual), or the wrong certificate.
    param([hashtable]$Step, [hashtable]$State)
    $target = Format-KbCertificateTarget -Thumbprint $Step['Thumbprint'] -Subject $Step['Subject']
    $file = Get-KbImportFile -ImportFrom $Step['ImportFrom']
    if ($null -eq $file) {
        return @{ Stop = @{ Status = 'manual'; Message = (Format-KbImportHint -Store $Step['Store'] -Target $target -ImportFrom $Step['ImportFrom']) } }
    }
    $certificate = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($file)
    if (-not (Test-KbCertificateMatch -Certificate $certificate -Thumbprint $Step['Thumbprint'] -Subject $Step['Subject'])) {
        return @{ Stop = @{ Status = 'failed'; Message = ($file + ' holds ' + (Format-KbCertificate -Certificate $certificate) + ', not ' + $target) } }
    }
    $after = @{ Text = 'present: ' + (Format-KbCertificate -Certificate $certificate); Value = [ordered]@{ present = $true; thumbprint = [string]$certificate.Thumbprint } }
    return @{ Action = 'Import ' + $target + ' from ' + $file; After = $after; File = $file; Certificate = $certificate }
}

function Set-KbCertificateState {
    param([hashtable]$Step, [hashtable]$State, [hashtable]$Change)
    Add-KbCertificateToStore -Store $Step['Store'] -Certificate $Change['Certificate']
    return ('imported ' + $Change['File'] + ' into ' + $State['Target'])
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
    $lifecycle = @{
        Get = ${function:Get-KbCertificateState}
        Test = ${function:Test-KbCertificateState}
        Plan = ${function:Get-KbCertificatePlan}
        Set = ${function:Set-KbCertificateState}
    }
    $step = @{ Store = $Store; Thumbprint = $Thumbprint; Subject = $Subject; ImportFrom = $ImportFrom }
    Invoke-KbStateStep -Id $Id -Guard $Guard -Kind 'certificate' -Step $step @lifecycle
}
