# ---- steps/rename.ps1: rename a file or folder in place (catroot2 -> oldcatroot2) ----
# One-shot, behind its guard. The renamed item is the backup. A missing source is ok; a taken
# new name becomes NewName.1, .2, ... so a second run keeps going.

function Get-KbRenamePlan {
    # A missing source ends the step as ok; a taken new name becomes NewName.1, .2, ...
    param([hashtable]$Step)
    Assert-KbLeafName -Name $Step['NewName']
    $source = Resolve-KbPath -Spec $Step['Path'] -ProfileRoot $Step['ProfileRoot'] -BelowBase
    if (-not (Test-KbPathExists -Path $source)) {
        $missing = [ordered]@{ exists = $false; path = $source }
        return @{ Before = 'missing'; After = 'missing'; BeforeValue = $missing; Stop = @{ Status = 'ok'; Message = ($source + ' does not exist: nothing to rename') } }
    }
    $parent = [System.IO.Path]::GetDirectoryName($source)
    $target = [System.IO.Path]::Combine($parent, (Get-KbFreeName -Folder $parent -Name $Step['NewName']))
    return @{
        Target = $source
        Action = 'Rename to ' + $target
        Before = $source
        After = $target
        BeforeValue = [ordered]@{ exists = $true; path = $source }
        AfterValue = [ordered]@{ exists = $true; path = $target }
    }
}

function Invoke-KbRenameAct {
    param([hashtable]$Step, [hashtable]$Plan)
    Move-KbPath -Source $Plan['Before'] -Destination $Plan['After']
    if (-not (Test-KbPathExists -Path $Plan['After'])) {
        return @{ Status = 'failed'; After = $Plan['After']; Message = 'did not stick: the new name does not exist after the rename' }
    }
    $message = 'renamed; the old item is kept under the new name'
    if (Test-KbPathExists -Path $Plan['Before']) { $message += ' (something has already created ' + $Plan['Before'] + ' again)' }
    return @{ Status = 'changed'; After = $Plan['After']; AfterValue = $Plan['AfterValue']; Message = $message }
}

function Invoke-KbRenameStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [hashtable]$Path,
        [string]$NewName,
        [string]$ProfileRoot = '',
        [string]$ProfileLabel = '',
        [scriptblock]$Verify = $null
    )
    $step = @{ Path = $Path; NewName = $NewName; ProfileRoot = $ProfileRoot }
    $lifecycle = @{ Plan = ${function:Get-KbRenamePlan}; Act = ${function:Invoke-KbRenameAct} }
    Invoke-KbOneShotStep -Id (Get-KbStepId -Id $Id -ProfileLabel $ProfileLabel) -Guard $Guard -ProfileRoot $ProfileRoot -Kind 'rename' -Step $step -Verify $Verify @lifecycle
}
