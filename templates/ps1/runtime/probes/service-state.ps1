# ---- probes/service-state.ps1: a service with a bad start type or in a bad state ----
# StartTypes and States are the bad values (e.g. disabled, stopped), compared case-insensitively.

function Test-KbServiceStateProbe {
    param([string]$Id, [string]$Name, [string[]]$StartTypes = @(), [string[]]$States = @())
    try {
        $service = Get-KbService -Name $Name
        if ($null -eq $service) { return (New-KbProbeResult -Id $Id -Present $false -Detail ('service ' + $Name + ' is not installed')) }
        $startType = [string](Get-KbServiceStartType -Name $Name)
        $status = [string]$service.Status
        $bad = ($StartTypes -contains $startType) -or ($States -contains $status)
        $detail = 'service ' + $Name + ': ' + (Format-KbServiceState -StartType $startType -Status $status)
        return (New-KbProbeResult -Id $Id -Present $bad -Detail $detail)
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
