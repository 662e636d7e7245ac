# ---- steps/clear-folder.ps1: empty a folder (entries matching Include) but keep the folder ----
# Desired state "nothing matches", so a second run reports ok. With Backup the entries move into a
# new sibling folder <folder>.kbfix-backup-N instead of being deleted.

function Move-KbEntriesToBackup {
    # Returns the backup folder; what cannot be moved is noted in Problems and the rest still goes.
    param([string]$Folder, [object[]]$Entries, [System.Collections.Generic.List[string]]$Problems)
    $parent = [System.IO.Path]::GetDirectoryName($Folder)
    $leaf = [System.IO.Path]::GetFileName($Folder) + '.kbfix-backup'
    $backup = [System.IO.Path]::Combine($parent, (Get-KbFreeName -Folder $parent -Name $leaf -Separator '-' -Numbered))
    [void][System.IO.Directory]::CreateDirectory($backup)
    foreach ($entry in $Entries) {
        try {
            Move-KbPath -Source $entry.FullName -Destination ([System.IO.Path]::Combine($backup, $entry.Name))
        } catch {
            $Problems.Add($entry.Name + ': ' + (Get-KbErrorText $_))
        }
    }
    return $backup
}

function Invoke-KbClearFolderStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [hashtable]$Path,
        [string]$Include = '*',
        [bool]$Backup = $false,
        [string]$ProfileRoot = '',
        [string]$ProfileLabel = ''
    )
    $resultId = Get-KbStepId -Id $Id -ProfileLabel $ProfileLabel
    try {
        if (-not (Test-KbStepGuard -ResultId $resultId -Guard $Guard -ProfileRoot $ProfileRoot)) { return }
        if ([string]::IsNullOrEmpty($Include)) { $Include = '*' }
        $folder = Resolve-KbPath -Spec $Path -ProfileRoot $ProfileRoot -BelowBase
        if (-not [System.IO.Directory]::Exists($folder)) {
            Add-KbResult -Id $resultId -Status 'ok' -Before 'missing' -After 'missing' -Message ($folder + ' does not exist: nothing to clear')
            return
        }
        $entries = @(Get-KbMatchingEntries -Folder $folder -Pattern $Include)
        $before = [string]$entries.Count + ' entries matching ' + $Include
        if ($entries.Count -eq 0) {
            Add-KbResult -Id $resultId -Status 'ok' -Before $before -After $before -Message $folder
            return
        }
        $action = 'Delete ' + $entries.Count + ' entries'
        if ($Backup) { $action = 'Move ' + $entries.Count + ' entries into a new backup folder beside it' }
        if (-not $PSCmdlet.ShouldProcess($folder, $action)) {
            Add-KbResult -Id $resultId -Status 'changed' -Before $before -After ('0 entries matching ' + $Include) -Message ('would ' + $action.ToLowerInvariant() + ' in ' + $folder) -Simulated
            return
        }
        $problems = New-Object System.Collections.Generic.List[string]
        $message = 'deleted from ' + $folder
        if ($Backup) {
            $message = 'moved into ' + (Move-KbEntriesToBackup -Folder $folder -Entries $entries -Problems $problems)
        } else {
            Remove-KbEntries -Entries $entries -Problems $problems
        }
        $left = @(Get-KbMatchingEntries -Folder $folder -Pattern $Include).Count
        $after = [string]$left + ' entries matching ' + $Include
        if ($left -eq 0) {
            Add-KbResult -Id $resultId -Status 'changed' -Before $before -After $after -Message $message
        } else {
            $first = ''
            if ($problems.Count -gt 0) { $first = '; first problem: ' + $problems[0] }
            Add-KbResult -Id $resultId -Status 'failed' -Before $before -After $after -Message ('entries remain in ' + $folder + $first)
        }
    } catch {
        Add-KbResult -Id $resultId -Status 'failed' -Message ('clear folder: ' + (Get-KbErrorText $_))
    }
}
