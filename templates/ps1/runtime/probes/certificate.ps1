# ---- probes/certificate.ps1: a certificate missing from a LocalMachine store, or (KB977203) a ----
# ---- certificate in the store whose friendly name contains a NUL character ----

function Test-KbCertificateProbe {
    # Check names the function that looks for Condition (data-named, docs/runtime.md: the compiler
    # writes it from the condition), so a script carries the code of the conditions it uses only.
    param(
        [string]$Id,
        [string]$Store,
        [string]$Condition,
        [string]$Thumbprint = '',
        [string]$Subject = '',
        [string]$Check = ''
    )
    try {
        if ($Check -notmatch '^Test-KbCertificate(Missing|NulFriendlyName)$') {
            throw ('unknown certificate condition ' + $Condition)
        }
        return (& $Check -Id $Id -Store $Store -Thumbprint $Thumbprint -Subject $Subject)
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}

function Test-KbCertificateMissing {
    # Condition 'missing': present when no certificate in the store matches.
    param([string]$Id, [string]$Store, [string]$Thumbprint, [string]$Subject)
    $target = Format-KbCertificateTarget -Thumbprint $Thumbprint -Subject $Subject
    $found = @(Find-KbCertificate -Store $Store -Thumbprint $Thumbprint -Subject $Subject)
    if ($found.Count -gt 0) {
        return (New-KbProbeResult -Id $Id -Present $false -Detail ('LocalMachine\' + $Store + ' has ' + (Format-KbCertificate -Certificate $found[0])))
    }
    return (New-KbProbeResult -Id $Id -Present $true -Detail ('LocalMachine\' + $Store + ' has no certificate ' + $target))
}

function Test-KbCertificateNulFriendlyName {
    # Condition 'friendly-name-has-nul': present when a certificate's friendly name contains a NUL.
    param([string]$Id, [string]$Store, [string]$Thumbprint, [string]$Subject)
    $bad = @(Get-KbNulFriendlyNameThumbprints -Store $Store)
    if ($bad.Count -gt 0) {
        return (New-KbProbeResult -Id $Id -Present $true -Detail ('LocalMachine\' + $Store + ': friendly name with a NUL character on ' + ($bad -join ', ')))
    }
    return (New-KbProbeResult -Id $Id -Present $false -Detail ('LocalMachine\' + $Store + ': no friendly name with a NUL character'))
}
