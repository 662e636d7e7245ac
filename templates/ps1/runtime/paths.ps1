# ---- paths.ps1: values from the body, path specs resolved safely (docs/emitted-script-rules.md#safe-destructive-paths), guards ----

$script:KbEnvironmentBases = @('windir', 'SystemRoot', 'SystemDrive', 'ProgramData', 'ALLUSERSPROFILE', 'ProgramFiles', 'ProgramFiles(x86)')

$script:KbSettableAttributes = [int]([System.IO.FileAttributes]::ReadOnly -bor [System.IO.FileAttributes]::Hidden -bor
    [System.IO.FileAttributes]::System -bor [System.IO.FileAttributes]::Archive -bor
    [System.IO.FileAttributes]::Temporary -bor [System.IO.FileAttributes]::NotContentIndexed)

function Get-KbPlaybookId {
    # The data section defines $script:KbPlaybook with the playbook's Id before any runtime
    # function can run (CONTRACT.md): the runtime's functions are defined below the data, so not
    # even the detection's trap, set above it, reaches one earlier.
    return [string]$script:KbPlaybook['Id']
}

function Get-KbParameterValue {
    # The value of one of the playbook's own parameters, from $script:KbParameters (the data
    # section always defines it, @{} for a playbook without parameters).
    param([string]$Name)
    $parameters = $script:KbParameters
    if (-not $parameters.ContainsKey($Name)) {
        throw ('the script has no parameter named ' + $Name)
    }
    return $parameters[$Name]
}

function Test-KbFullyQualifiedPath {
    # C:\... or \\server\share\...: never relative, never \without-drive, never a \\?\ device path.
    param([string]$Path)
    if ([string]::IsNullOrEmpty($Path)) { return $false }
    if ($Path -match '^[A-Za-z]:\\') { return $true }
    return ($Path -match '^\\\\[^\\?.][^\\]*\\[^\\]+')
}

function Test-KbDriveRoot {
    param([string]$Path)
    $root = [string][System.IO.Path]::GetPathRoot($Path)
    return ($Path.TrimEnd('\') -ieq $root.TrimEnd('\'))
}

function Test-KbPathExists {
    param([string]$Path)
    return ([System.IO.File]::Exists($Path) -or [System.IO.Directory]::Exists($Path))
}

function Assert-KbLeafName {
    # One path segment or new name: no separators, wildcards, drive colons, '.', '..', or a trailing
    # dot or space (Windows would silently drop it and act on another name).
    # In the pattern: empty; a control character, separator, wildcard or colon; a trailing dot or
    # space (which also covers '.' and '..').
    param([string]$Name)
    if ($Name -match '^$|[\x00-\x1f\\/:*?"<>|]|[ .]$') { throw ("'" + $Name + "' is not a plain file or folder name") }
}

function Get-KbCommonAppDataBase {
    # %CommonAppData%: ProgramData from Vista (NT 6.0) on; on XP and 2003 the 'Common AppData' shell
    # folder, whose last part ('Application Data') is translated on localized Windows.
    param([hashtable]$Spec, [string]$ProfileRoot)
    if ((Get-KbWindowsVersion).Major -ge 6) { return [Environment]::GetEnvironmentVariable('ProgramData') }
    return (Get-KbRegistryString -SubKey 'SOFTWARE\Microsoft\Windows\CurrentVersion\Explorer\Shell Folders' -Name 'Common AppData')
}

function Get-KbProfileBase {
    param([hashtable]$Spec, [string]$ProfileRoot)
    if ([string]::IsNullOrEmpty($ProfileRoot)) { throw 'a %profile% path is used outside a per-user step' }
    return $ProfileRoot
}

function Get-KbParameterBase {
    # A path parameter may name an environment variable (%ProgramData%\Tools): expanded, never run.
    param([hashtable]$Spec, [string]$ProfileRoot)
    return [Environment]::ExpandEnvironmentVariables([string](Get-KbParameterValue -Name ([string]$Spec['Name'])))
}

function Get-KbPathBase {
    # An environment variable (windir...), or what the function the spec names as Resolver returns:
    # profile, param and CommonAppData bases (data-named, docs/runtime.md), so a script carries
    # only the bases its paths use.
    param([hashtable]$Spec, [string]$ProfileRoot)
    $base = [string]$Spec['Base']
    $resolver = [string]$Spec['Resolver']
    if ($resolver -match '^Get-Kb(CommonAppData|Profile|Parameter)Base$') { return (& $resolver -Spec $Spec -ProfileRoot $ProfileRoot) }
    if ($resolver -eq '' -and $script:KbEnvironmentBases -contains $base) { return [Environment]::GetEnvironmentVariable($base) }
    throw ('unknown path base ' + $base)
}

function Resolve-KbPath {
    # Full path of a path spec. Throws when the base is empty, not a full path or a drive root, or
    # when the result is a drive root or outside its base. -BelowBase: strictly inside the base
    # (what a rename or a delete may act on).
    param([hashtable]$Spec, [string]$ProfileRoot = '', [switch]$BelowBase)
    if ($null -eq $Spec) { throw 'no path given' }
    $label = '%' + $Spec['Base'] + '%'
    if ($Spec['Base'] -eq 'param') { $label = 'parameter -' + $Spec['Name'] }
    $base = Get-KbPathBase -Spec $Spec -ProfileRoot $ProfileRoot
    if ([string]::IsNullOrEmpty($base)) { throw ($label + ' is empty (not given or not set on this machine)') }
    $segments = @()
    if ($null -ne $Spec['Segments']) { $segments = @($Spec['Segments']) }
    if ($Spec['Base'] -eq 'SystemDrive') {
        # A drive (C:), never a folder: the path must name at least one folder below its root.
        if ($base -notmatch '^[A-Za-z]:\\?$') { throw ($label + ' is not a drive letter: ' + $base) }
        if (@($segments).Count -eq 0) { throw ($label + ' alone is a drive root') }
        $baseFull = $base.Substring(0, 2)
    } else {
        if (-not (Test-KbFullyQualifiedPath -Path $base)) { throw ($label + ' is not a full path: ' + $base) }
        $baseFull = [System.IO.Path]::GetFullPath($base).TrimEnd('\')
        if (Test-KbDriveRoot -Path $baseFull) { throw ($label + ' is a drive root: ' + $base) }
    }
    $full = $baseFull
    foreach ($segment in $segments) {
        Assert-KbLeafName -Name ([string]$segment)
        $full += '\' + $segment
    }
    $full = [System.IO.Path]::GetFullPath($full)
    if (Test-KbDriveRoot -Path $full) { throw ('path resolves to a drive root: ' + $full) }
    # Inside the base, or the base itself unless -BelowBase.
    $inside = $full.StartsWith($baseFull + '\', [System.StringComparison]::OrdinalIgnoreCase)
    if (-not $inside -and ($BelowBase -or $full -ine $baseFull)) {
        throw ('path is not inside its base ' + $label + ': ' + $full)
    }
    return $full
}

function Test-KbGuard {
    # May a one-shot step run? No guard: yes. evidence: that evidence is present now.
    # creates: the path does not exist yet. removes: the path still exists.
    param([hashtable]$Guard, [string]$ProfileRoot = '')
    if ($null -eq $Guard) { return $true }
    $kind = [string]$Guard['Kind']
    if ($kind -eq 'evidence') { return (Test-KbEvidencePresent -Id ([string]$Guard['Id'])) }
    if ($kind -eq 'creates') {
        return (-not (Test-KbPathExists -Path (Resolve-KbPath -Spec $Guard['Path'] -ProfileRoot $ProfileRoot)))
    }
    if ($kind -eq 'removes') {
        return (Test-KbPathExists -Path (Resolve-KbPath -Spec $Guard['Path'] -ProfileRoot $ProfileRoot))
    }
    throw ('unknown guard kind ' + $kind)
}

function Format-KbGuardSkip {
    param([hashtable]$Guard, [string]$ProfileRoot = '')
    $kind = [string]$Guard['Kind']
    if ($kind -eq 'evidence') { return ("guard: evidence '" + [string]$Guard['Id'] + "' is not present now") }
    $path = Resolve-KbPath -Spec $Guard['Path'] -ProfileRoot $ProfileRoot
    if ($kind -eq 'creates') { return ('guard: ' + $path + ' already exists') }
    return ('guard: ' + $path + ' does not exist')
}

function Get-KbStepId {
    # Inside a per-user step the result id is <id>@<profile label>.
    param([string]$Id, [string]$ProfileLabel = '')
    if ($ProfileLabel.Length -gt 0) { return ($Id + '@' + $ProfileLabel) }
    return $Id
}

function Test-KbStepGuard {
    # Evaluates a step's guard; when it says no, records the step as skipped.
    param([string]$ResultId, [hashtable]$Guard, [string]$ProfileRoot = '')
    if (Test-KbGuard -Guard $Guard -ProfileRoot $ProfileRoot) { return $true }
    Add-KbResult -Id $ResultId -Status 'skipped' -Message (Format-KbGuardSkip -Guard $Guard -ProfileRoot $ProfileRoot)
    return $false
}
