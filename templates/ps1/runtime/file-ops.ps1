# ---- file-ops.ps1: what the path steps share: free names, matching, deleting without following links ----

function Get-KbFreeName {
    # Name when nothing has it yet, else Name<Separator>1, 2, ... (-Numbered: always numbered),
    # so a second run never fails on a name the first run took.
    param([string]$Folder, [string]$Name, [string]$Separator = '.', [switch]$Numbered)
    if (-not $Numbered -and -not (Test-KbPathExists -Path ([System.IO.Path]::Combine($Folder, $Name)))) {
        return $Name
    }
    for ($number = 1; $number -le 9999; $number++) {
        $candidate = $Name + $Separator + $number
        if (-not (Test-KbPathExists -Path ([System.IO.Path]::Combine($Folder, $candidate)))) { return $candidate }
    }
    throw ('no free name for ' + $Name + ' in ' + $Folder)
}

function Test-KbNameMatch {
    # Windows wildcards: * and ? only (brackets are literal), and 'x.*' also matches 'x'.
    param([string]$Name, [string]$Pattern)
    $escaped = $Pattern.Replace('[', '`[').Replace(']', '`]')
    if ($Name -like $escaped) { return $true }
    if ($escaped.EndsWith('.*')) { return ($Name -like $escaped.Substring(0, $escaped.Length - 2)) }
    return $false
}

function Test-KbAttributeFlag {
    param([System.IO.FileAttributes]$Attributes, [System.IO.FileAttributes]$Flag)
    return (([int]$Attributes -band [int]$Flag) -ne 0)
}

function Set-KbAttributes {
    # Only flags SetFileAttributes accepts; none left means Normal.
    param([string]$Path, [int]$Value)
    $settable = $Value -band $script:KbSettableAttributes
    if ($settable -eq 0) { $settable = [int][System.IO.FileAttributes]::Normal }
    [System.IO.File]::SetAttributes($Path, [System.IO.FileAttributes]$settable)
}

function Get-KbMatchingEntries {
    # Entries directly in Folder (hidden and system ones too) whose names match Pattern.
    param([string]$Folder, [string]$Pattern, [switch]$FilesOnly)
    $directory = New-Object System.IO.DirectoryInfo($Folder)
    foreach ($entry in $directory.GetFileSystemInfos()) {
        if ($FilesOnly -and (Test-KbAttributeFlag -Attributes $entry.Attributes -Flag 'Directory')) { continue }
        if (Test-KbNameMatch -Name $entry.Name -Pattern $Pattern) { $entry }
    }
}

function Remove-KbTree {
    # Deletes a file or a folder tree. A link (junction, symlink) is removed itself, never followed:
    # Remove-Item -Recurse in 5.1 can delete what a junction points to.
    param([System.IO.FileSystemInfo]$Entry)
    $isLink = Test-KbAttributeFlag -Attributes $Entry.Attributes -Flag 'ReparsePoint'
    $isFolder = Test-KbAttributeFlag -Attributes $Entry.Attributes -Flag 'Directory'
    if ($isFolder -and -not $isLink) {
        foreach ($child in ([System.IO.DirectoryInfo]$Entry).GetFileSystemInfos()) { Remove-KbTree -Entry $child }
    }
    if (Test-KbAttributeFlag -Attributes $Entry.Attributes -Flag 'ReadOnly') {
        $readOnly = [int][System.IO.FileAttributes]::ReadOnly
        Set-KbAttributes -Path $Entry.FullName -Value ([int]$Entry.Attributes -band -bnot $readOnly)
    }
    if ($isFolder) {
        [System.IO.Directory]::Delete($Entry.FullName, $false)
    } else {
        [System.IO.File]::Delete($Entry.FullName)
    }
}

function Remove-KbEntries {
    # Deletes each entry; what cannot be deleted is noted in Problems and the rest still goes.
    param([object[]]$Entries, [System.Collections.Generic.List[string]]$Problems)
    foreach ($entry in $Entries) {
        try {
            Remove-KbTree -Entry $entry
        } catch {
            $Problems.Add($entry.Name + ': ' + (Get-KbErrorText $_))
        }
    }
}

function Move-KbPath {
    # A rename or a move on the same volume; a link is moved itself.
    param([string]$Source, [string]$Destination)
    if ([System.IO.Directory]::Exists($Source)) {
        [System.IO.Directory]::Move($Source, $Destination)
    } else {
        [System.IO.File]::Move($Source, $Destination)
    }
}

function New-KbEntriesData {
    # Folder entries as typed data for a step's result: whether the folder exists, how many
    # entries, and their names (the first 100).
    param([bool]$Exists, [object[]]$Entries)
    $names = New-Object System.Collections.Generic.List[string]
    foreach ($entry in $Entries) {
        if ($names.Count -ge 100) { break }
        $names.Add([string]$entry.Name)
    }
    return [ordered]@{ exists = $Exists; count = @($Entries).Count; names = $names.ToArray() }
}
