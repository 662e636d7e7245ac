# ---- steps/delete-files.ps1: delete the files (not folders) in one folder that match a pattern ----
# Desired state "no file matches", so a second run reports ok. With Backup each file is renamed to
# <name>.kbfix-bak (<name>.kbfix-bak.1, ... when taken); those backups never match again.

function Get-KbDeleteCandidates {
    param([string]$Folder, [string]$Pattern)
    foreach ($file in @(Get-KbMatchingEntries -Folder $Folder -Pattern $Pattern -FilesOnly)) {
        if ($file.Name -notmatch '\.kbfix-bak(\.\d+)?$') { $file }
    }
}

function Rename-KbFilesToBackup {
    param([string]$Folder, [object[]]$Files, [System.Collections.Generic.List[string]]$Problems)
    foreach ($file in $Files) {
        try {
            $name = Get-KbFreeName -Folder $Folder -Name ($file.Name + '.kbfix-bak')
            Move-KbPath -Source $file.FullName -Destination ([System.IO.Path]::Combine($Folder, $name))
        } catch {
            $Problems.Add($file.Name + ': ' + (Get-KbErrorText $_))
        }
    }
}

function Format-KbFileList {
    param([object[]]$Files)
    $names = @($Files | ForEach-Object { $_.Name })
    return ([string]$names.Count + ' files: ' + ($names -join ', '))
}

function Invoke-KbDeleteFilesStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [hashtable]$Folder,
        [string]$Pattern,
        [bool]$Backup = $false,
        [string]$ProfileRoot = '',
        [string]$ProfileLabel = ''
    )
    $resultId = Get-KbStepId -Id $Id -ProfileLabel $ProfileLabel
    try {
        if (-not (Test-KbStepGuard -ResultId $resultId -Guard $Guard -ProfileRoot $ProfileRoot)) { return }
        if ([string]::IsNullOrEmpty($Pattern)) { throw 'no file pattern given' }
        $folderPath = Resolve-KbPath -Spec $Folder -ProfileRoot $ProfileRoot
        if (-not [System.IO.Directory]::Exists($folderPath)) {
            Add-KbResult -Id $resultId -Status 'ok' -Before 'missing' -After 'missing' -Message ($folderPath + ' does not exist: nothing to delete')
            return
        }
        $files = @(Get-KbDeleteCandidates -Folder $folderPath -Pattern $Pattern)
        if ($files.Count -eq 0) {
            Add-KbResult -Id $resultId -Status 'ok' -Before ('0 files matching ' + $Pattern) -After ('0 files matching ' + $Pattern) -Message $folderPath
            return
        }
        $before = Format-KbFileList -Files $files
        $action = 'Delete ' + $files.Count + ' files matching ' + $Pattern
        if ($Backup) { $action = 'Rename ' + $files.Count + ' files matching ' + $Pattern + ' to <name>.kbfix-bak' }
        if (-not $PSCmdlet.ShouldProcess($folderPath, $action)) {
            Add-KbResult -Id $resultId -Status 'changed' -Before $before -After ('0 files matching ' + $Pattern) -Message ('would ' + $action.ToLowerInvariant() + ' in ' + $folderPath) -Simulated
            return
        }
        $problems = New-Object System.Collections.Generic.List[string]
        if ($Backup) {
            Rename-KbFilesToBackup -Folder $folderPath -Files $files -Problems $problems
        } else {
            Remove-KbEntries -Entries $files -Problems $problems
        }
        $left = @(Get-KbDeleteCandidates -Folder $folderPath -Pattern $Pattern)
        if ($left.Count -eq 0) {
            $done = 'deleted'
            if ($Backup) { $done = 'renamed to *.kbfix-bak' }
            Add-KbResult -Id $resultId -Status 'changed' -Before $before -After ('0 files matching ' + $Pattern) -Message ($done + ' in ' + $folderPath)
        } else {
            $first = ''
            if ($problems.Count -gt 0) { $first = '; first problem: ' + $problems[0] }
            Add-KbResult -Id $resultId -Status 'failed' -Before $before -After (Format-KbFileList -Files $left) -Message ('files remain in ' + $folderPath + $first)
        }
    } catch {
        Add-KbResult -Id $resultId -Status 'failed' -Message ('delete files: ' + (Get-KbErrorText $_))
    }
}
