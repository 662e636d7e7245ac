# ---- probes/registry-value.ps1: a value under HKLM that is missing or differs from the healthy data ----
# Compared as the registry-value step compares (DWORDs unsigned, binaries byte by byte); -View 32
# or 64 reads that HKLM view (0: the script's own). View 64 on 32-bit Windows is unknown, not absent.

function Test-KbRegistryValueProbe {
    param([string]$Id, [string]$Key, [string]$Name = '', [string]$Type, [object]$Expected, [int]$View = 0)
    try {
        $healthy = ConvertTo-KbRegistryData -Type $Type -Data $Expected
        $current = Read-KbRegistryValue -Key $Key -Name $Name -View $View
        $valueName = $Name
        if ($valueName.Length -eq 0) { $valueName = '(default)' }
        $detail = 'HKLM\' + (Get-KbRegistrySubKey -Key $Key) + '\' + $valueName + (Format-KbRegistryView -View $View) + ' is ' + (Format-KbRegistryState -Value $current) +
            ', healthy: ' + $Type + ' ' + (Format-KbRegistryData -Type $Type -Data $healthy)
        $same = Test-KbRegistryDataEqual -Value $current -Type $Type -Expected $healthy
        return (New-KbProbeResult -Id $Id -Present (-not $same) -Detail $detail)
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
