# ---- steps/rename.ps1: rename a file or folder in place (catroot2 -> oldcatroot2) ----
# One-shot, behind its guard. The renamed item is the backup. A missing source is ok; a taken
# new name becomes NewName.1, .2, ... so a second run keeps going.

function Invoke-KbRenameStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [hashtable]$Path,
        [string]$NewName,
        [string]$ProfileRoot = '',
        [string]$ProfileLabel = ''
    )
    $resultId = Get-KbStepId -Id $Id -ProfileLabel $ProfileLabel
    try {
        if (-not (Test-KbStepGuard -ResultId $resultId -Guard $Guard -ProfileRoot $ProfileRoot)) { return }
        Assert-KbLeafName -Name $NewName
        $source = Resolve-KbPath -Spec $Path -ProfileRoot $ProfileRoot -BelowBase
        if (-not (Test-KbPathExists -Path $source)) {
            Add-KbResult -Id $resultId -Status 'ok' -Before 'missing' -After 'missing' -Message ($source + ' does not exist: nothing to rename')
            return
        }
        $parent = [System.IO.Path]::GetDirectoryName($source)
        $target = [System.IO.Path]::Combine($parent, (Get-KbFreeName -Folder $parent -Name $NewName))
        if (-not $PSCmdlet.ShouldProcess($source, 'Rename to ' + $target)) {
            Add-KbResult -Id $resultId -Status 'changed' -Before $source -After $target -Message 'would rename' -Simulated
            return
        }
        Move-KbPath -Source $source -Destination $target
        if (-not (Test-KbPathExists -Path $target)) {
            Add-KbResult -Id $resultId -Status 'failed' -Before $source -After $target -Message 'did not stick: the new name does not exist after the rename'
            return
        }
        $message = 'renamed; the old item is kept under the new name'
        if (Test-KbPathExists -Path $source) { $message += ' (something has already created ' + $source + ' again)' }
        Add-KbResult -Id $resultId -Status 'changed' -Before $source -After $target -Message $message
    } catch {
        Add-KbResult -Id $resultId -Status 'failed' -Message ('rename: ' + (Get-KbErrorText $_))
    }
}
