# ---- probes/certificate.ps1: a certificate missing from a LocalMachine store, or (KB977203) a ----
# ---- certificate in the store whose friendly name contains a NUL character ----

function Test-KbCertificateProbe {
    param(
        [string]$Id,
        [string]$Store,
        [string]$Condition,
        [string]$Thumbprint = '',
        [string]$Subject = ''
    )
    try {
        if ($Condition -eq 'missing') {
            $target = Format-KbCertificateTarget -Thumbprint $Thumbprint -Subject $Subject
            $found = @(Find-KbCertificate -Store $Store -Thumbprint $Thumbprint -Subject $Subject)
            if ($found.Count -gt 0) {
                return (New-KbProbeResult -Id $Id -Present $false -Detail ('LocalMachine\' + $Store + ' has ' + (Format-KbCertificate -Certificate $found[0])))
            }
            return (New-KbProbeResult -Id $Id -Present $true -Detail ('LocalMachine\' + $Store + ' has no certificate ' + $target))
        }
        if ($Condition -eq 'friendly-name-has-nul') {
            $bad = @(Get-KbNulFriendlyNameThumbprints -Store $Store)
            if ($bad.Count -gt 0) {
                return (New-KbProbeResult -Id $Id -Present $true -Detail ('LocalMachine\' + $Store + ': friendly name with a NUL character on ' + ($bad -join ', ')))
            }
            return (New-KbProbeResult -Id $Id -Present $false -Detail ('LocalMachine\' + $Store + ': no friendly name with a NUL character'))
        }
        throw ('unknown certificate condition ' + $Condition)
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
