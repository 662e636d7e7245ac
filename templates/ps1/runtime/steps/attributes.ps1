# ---- steps/attributes.ps1: file or folder attributes (attrib -s -h): read, change, read again ----

function ConvertTo-KbAttributeMask {
    param([string[]]$Names)
    $allowed = @('Hidden', 'System', 'ReadOnly', 'Archive')
    $mask = 0
    foreach ($name in $Names) {
        if ($allowed -notcontains $name) { throw ('unknown attribute ' + $name + '; use ' + ($allowed -join ', ')) }
        $mask = $mask -bor [int][System.IO.FileAttributes]$name
    }
    return $mask
}

function Format-KbAttributes {
    param([int]$Value)
    if ($Value -eq 0) { return 'Normal' }
    return [string][System.IO.FileAttributes]$Value
}

function Invoke-KbAttributesStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [hashtable]$Path,
        [string[]]$Set = @(),
        [string[]]$Clear = @(),
        [string]$ProfileRoot = '',
        [string]$ProfileLabel = ''
    )
    $resultId = Get-KbStepId -Id $Id -ProfileLabel $ProfileLabel
    try {
        if (-not (Test-KbStepGuard -ResultId $resultId -Guard $Guard -ProfileRoot $ProfileRoot)) { return }
        $target = Resolve-KbPath -Spec $Path -ProfileRoot $ProfileRoot
        if (-not (Test-KbPathExists -Path $target)) {
            Add-KbResult -Id $resultId -Status 'ok' -Before 'missing' -After 'missing' -Message ($target + ' does not exist')
            return
        }
        $setMask = ConvertTo-KbAttributeMask -Names $Set
        $clearMask = ConvertTo-KbAttributeMask -Names $Clear
        $managed = $setMask -bor $clearMask
        $current = [int][System.IO.File]::GetAttributes($target)
        $desired = ($current -bor $setMask) -band (-bnot $clearMask)
        $before = Format-KbAttributes -Value $current
        if (($current -band $managed) -eq ($desired -band $managed)) {
            Add-KbResult -Id $resultId -Status 'ok' -Before $before -After $before -Message $target
            return
        }
        $after = Format-KbAttributes -Value $desired
        if (-not $PSCmdlet.ShouldProcess($target, 'Set attributes to ' + $after)) {
            Add-KbResult -Id $resultId -Status 'changed' -Before $before -After $after -Message ('would set the attributes of ' + $target) -Simulated
            return
        }
        Set-KbAttributes -Path $target -Value $desired
        $reread = [int][System.IO.File]::GetAttributes($target)
        $now = Format-KbAttributes -Value $reread
        if (($reread -band $managed) -eq ($desired -band $managed)) {
            Add-KbResult -Id $resultId -Status 'changed' -Before $before -After $now -Message $target
        } else {
            Add-KbResult -Id $resultId -Status 'failed' -Before $before -After $now -Message ('did not stick on ' + $target + ': wanted ' + $after)
        }
    } catch {
        Add-KbResult -Id $resultId -Status 'failed' -Message ('attributes: ' + (Get-KbErrorText $_))
    }
}
