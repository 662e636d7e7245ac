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

function Get-KbDeleteFilesState {
    # A missing folder is a state of its own: there is nothing to delete.
    param([hashtable]$Step)
    if ([string]::IsNullOrEmpty($Step['Pattern'])) { throw 'no file pattern given' }
    $folder = Resolve-KbPath -Spec $Step['Folder'] -ProfileRoot $Step['ProfileRoot']
    if (-not [System.IO.Directory]::Exists($folder)) {
        return @{ Text = 'missing'; Value = (New-KbEntriesData -Exists $false -Entries @()); Target = $folder; Note = ($folder + ' does not exist: nothing to delete'); Files = @() }
    }
    $files = @(Get-KbDeleteCandidates -Folder $folder -Pattern $Step['Pattern'])
    $text = '0 files matching ' + $Step['Pattern']
    if ($files.Count -gt 0) { $text = Format-KbFileList -Files $files }
    return @{ Text = $text; Value = (New-KbEntriesData -Exists $true -Entries $files); Target = $folder; Files = $files }
}

function Test-KbDeleteFilesState {
    param([hashtable]$Step, [hashtable]$State)
    return ($State['Files'].Count -eq 0)
}

function Get-KbDeleteFilesPlan {
    param([hashtable]$Step, [hashtable]$State)
    $action = 'Delete ' + $State['Files'].Count + ' files matching ' + $Step['Pattern']
    if ($Step['Backup']) { $action = 'Rename ' + $State['Files'].Count + ' files matching ' + $Step['Pattern'] + ' to <name>.kbfix-bak' }
    $after = @{ Text = ('0 files matching ' + $Step['Pattern']); Value = (New-KbEntriesData -Exists $true -Entries @()) }
    return @{ Action = $action; After = $after }
}

function Set-KbDeleteFilesState {
    # Deletes (or renames to *.kbfix-bak) what the state lists; returns what it did and the first
    # problem, for the message.
    param([hashtable]$Step, [hashtable]$State, [hashtable]$Change)
    $problems = New-Object System.Collections.Generic.List[string]
    $done = 'deleted'
    if ($Step['Backup']) { $done = 'renamed to *.kbfix-bak' }
    if ($Step['Backup']) { Rename-KbFilesToBackup -Folder $State['Target'] -Files $State['Files'] -Problems $problems }
    if (-not $Step['Backup']) { Remove-KbEntries -Entries $State['Files'] -Problems $problems }
    $message = $done + ' in ' + $State['Target']
    if ($problems.Count -gt 0) { $message += '; first problem: ' + $problems[0] }
    return $message
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
    $lifecycle = @{
        Get = ${function:Get-KbDeleteFilesState}
        Test = ${function:Test-KbDeleteFilesState}
        Plan = ${function:Get-KbDeleteFilesPlan}
        Set = ${function:Set-KbDeleteFilesState}
    }
    $step = @{ Folder = $Folder; Pattern = $Pattern; Backup = $Backup; ProfileRoot = $ProfileRoot }
    Invoke-KbStateStep -Id (Get-KbStepId -Id $Id -ProfileLabel $ProfileLabel) -Guard $Guard -ProfileRoot $ProfileRoot -Kind 'delete files' -Step $step @lifecycle
}
