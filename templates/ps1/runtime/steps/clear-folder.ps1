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

function Get-KbClearFolderState {
    # A missing folder is a state of its own: there is nothing to clear.
    param([hashtable]$Step)
    $folder = Resolve-KbPath -Spec $Step['Path'] -ProfileRoot $Step['ProfileRoot'] -BelowBase
    if (-not [System.IO.Directory]::Exists($folder)) {
        return @{ Text = 'missing'; Value = (New-KbEntriesData -Exists $false -Entries @()); Target = $folder; Note = ($folder + ' does not exist: nothing to clear'); Entries = @() }
    }
    $entries = @(Get-KbMatchingEntries -Folder $folder -Pattern $Step['Include'])
    return @{ Text = ([string]$entries.Count + ' entries matching ' + $Step['Include']); Value = (New-KbEntriesData -Exists $true -Entries $entries); Target = $folder; Entries = $entries }
}

function Test-KbClearFolderState {
    param([hashtable]$Step, [hashtable]$State)
    return ($State['Entries'].Count -eq 0)
}

function Get-KbClearFolderPlan {
    param([hashtable]$Step, [hashtable]$State)
    $action = 'Delete ' + $State['Entries'].Count + ' entries'
    if ($Step['Backup']) { $action = 'Move ' + $State['Entries'].Count + ' entries into a new backup folder beside it' }
    $after = @{ Text = ('0 entries matching ' + $Step['Include']); Value = (New-KbEntriesData -Exists $true -Entries @()) }
    return @{ Action = $action; After = $after }
}

function Set-KbClearFolderState {
    # Deletes (or moves into a backup folder) what the state lists; returns where they went and
    # the first problem, for the message.
    param([hashtable]$Step, [hashtable]$State, [hashtable]$Change)
    $problems = New-Object System.Collections.Generic.List[string]
    $message = 'deleted from ' + $State['Target']
    if ($Step['Backup']) { $message = 'moved into ' + (Move-KbEntriesToBackup -Folder $State['Target'] -Entries $State['Entries'] -Problems $problems) }
    if (-not $Step['Backup']) { Remove-KbEntries -Entries $State['Entries'] -Problems $problems }
    if ($problems.Count -gt 0) { $message += '; first problem: ' + $problems[0] }
    return $message
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
    if ([string]::IsNullOrEmpty($Include)) { $Include = '*' }
    $lifecycle = @{
        Get = ${function:Get-KbClearFolderState}
        Test = ${function:Test-KbClearFolderState}
        Plan = ${function:Get-KbClearFolderPlan}
        Set = ${function:Set-KbClearFolderState}
    }
    $step = @{ Path = $Path; Include = $Include; Backup = $Backup; ProfileRoot = $ProfileRoot }
    Invoke-KbStateStep -Id (Get-KbStepId -Id $Id -ProfileLabel $ProfileLabel) -Guard $Guard -ProfileRoot $ProfileRoot -Kind 'clear folder' -Step $step @lifecycle
}
