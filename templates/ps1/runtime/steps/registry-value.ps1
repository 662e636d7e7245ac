# ---- steps/registry-value.ps1: a typed value under HKLM: read, compare, set, read again ----
# DWORDs and QWORDs compare unsigned, binaries byte by byte, strings ordinally, so a correct value
# never reports "changed" again. The old value is recorded as "before" (the backup). Setup may
# restore some values from a protected copy: a value that reads back different is "did not stick".

function Invoke-KbRegistryValueStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [string]$Key,
        [string]$Name = '',
        [string]$Type,
        [object]$Data
    )
    try {
        if (-not (Test-KbStepGuard -ResultId $Id -Guard $Guard)) { return }
        $expected = ConvertTo-KbRegistryData -Type $Type -Data $Data
        $valueName = $Name
        if ($valueName.Length -eq 0) { $valueName = '(default)' }
        $location = 'HKLM\' + (Get-KbRegistrySubKey -Key $Key) + '\' + $valueName
        $current = Read-KbRegistryValue -Key $Key -Name $Name
        $before = Format-KbRegistryState -Value $current
        $after = $Type + ' ' + (Format-KbRegistryData -Type $Type -Data $expected)
        if (Test-KbRegistryDataEqual -Value $current -Type $Type -Expected $expected) {
            Add-KbResult -Id $Id -Status 'ok' -Before $before -After $before -Message $location
            return
        }
        if (-not $PSCmdlet.ShouldProcess($location, 'Set to ' + $after)) {
            Add-KbResult -Id $Id -Status 'changed' -Before $before -After $after -Message ('would set ' + $location) -Simulated
            return
        }
        Write-KbRegistryValue -Key $Key -Name $Name -Type $Type -Expected $expected
        $reread = Read-KbRegistryValue -Key $Key -Name $Name
        $now = Format-KbRegistryState -Value $reread
        if (Test-KbRegistryDataEqual -Value $reread -Type $Type -Expected $expected) {
            Add-KbResult -Id $Id -Status 'changed' -Before $before -After $now -Message ('set ' + $location + ' (old value: ' + $before + ')')
        } else {
            Add-KbResult -Id $Id -Status 'failed' -Before $before -After $now -Message ('did not stick: ' + $location + ' reads back ' + $now)
        }
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('registry value: ' + (Get-KbErrorText $_))
    }
}
