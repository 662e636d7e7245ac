# ---- probes/product-version.ps1: a product installed in a version in [AtLeast, Below) ----
# Not installed is not evidence. Versions are compared as versions, never as strings.

function Test-KbProductVersionProbe {
    param([string]$Id, [string]$Product, [string]$AtLeast = '', [string]$Below)
    try {
        $text = Get-KbProductVersion -Product $Product
        if ($null -eq $text) { return (New-KbProbeResult -Id $Id -Present $false -Detail ($Product + ' is not installed')) }
        $version = ConvertTo-KbVersion $text
        $low = ConvertTo-KbVersion $AtLeast
        $high = ConvertTo-KbVersion $Below
        $inRange = ($null -eq $low -or $version -ge $low) -and ($null -eq $high -or $version -lt $high)
        $detail = $Product + ' ' + $text + ' (fixed in ' + $Below + ')'
        return (New-KbProbeResult -Id $Id -Present $inRange -Detail $detail)
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
