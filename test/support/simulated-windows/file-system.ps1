# Replaces System.IO.File, Directory, FileInfo, DirectoryInfo, FileStream and FileVersionInfo.
# Attributes live in the world (Linux has none); read-only and locked entries refuse deletion
# and moves the way NTFS does; errors are the .NET exception types Windows raises.

function global:Get-KbSimStoredAttributes {
    param([string]$Path)
    $attributes = Get-KbSimSection 'attributes'
    $key = Get-KbSimKey $Path
    if ($attributes.ContainsKey($key)) { return [int]$attributes[$key] }
    return $null
}

function global:Get-KbSimAttributes {
    param([string]$Path)
    $hostPath = Get-KbSimHostPath $Path
    $stored = Get-KbSimStoredAttributes $Path
    if ($global:KbReal.Directory::Exists($hostPath)) {
        if ($null -eq $stored) { $stored = 0 }
        return [System.IO.FileAttributes]($stored -bor 16)
    }
    if (-not $global:KbReal.File::Exists($hostPath)) {
        throw [System.IO.FileNotFoundException]::new("Could not find file '$Path'.", $Path)
    }
    if ($null -eq $stored) { $stored = 32 }
    if ($stored -eq 0) { $stored = 128 }
    return [System.IO.FileAttributes]$stored
}

function global:Set-KbSimAttributes {
    param([string]$Path, [int]$Value)
    $null = Get-KbSimAttributes $Path
    (Get-KbSimSection 'attributes')[(Get-KbSimKey $Path)] = ($Value -band -bnot (16 -bor 128))
}

function global:Test-KbSimLockedBelow {
    # A locked file blocks deleting or moving it, and moving any folder above it.
    param([string]$Path)
    $key = Get-KbSimKey $Path
    foreach ($locked in @((Get-KbSimSection 'faults')['locked'])) {
        if ($null -eq $locked) { continue }
        $lockedKey = Get-KbSimKey ([string]$locked)
        if ($lockedKey -eq $key -or $lockedKey.StartsWith($key + '\')) { return $true }
    }
    return $false
}

function global:Assert-KbSimChangeable {
    param([string]$Path)
    if (Test-KbSimLockedBelow $Path) {
        throw [System.IO.IOException]::new("The process cannot access the file '$Path' because it is being used by another process.")
    }
    if (([int](Get-KbSimAttributes $Path) -band 1) -ne 0) {
        throw [System.UnauthorizedAccessException]::new("Access to the path '$Path' is denied.")
    }
}

function global:Move-KbSimAttributes {
    # Attributes travel with a moved entry and everything below it.
    param([string]$From, [string]$To)
    $attributes = Get-KbSimSection 'attributes'
    $fromKey = Get-KbSimKey $From
    $toKey = Get-KbSimKey $To
    foreach ($key in @($attributes.Keys)) {
        if ($key -eq $fromKey -or $key.StartsWith($fromKey + '\')) {
            $attributes[$toKey + $key.Substring($fromKey.Length)] = $attributes[$key]
            $attributes.Remove($key)
        }
    }
}

function global:Remove-KbSimAttributes {
    param([string]$Path)
    (Get-KbSimSection 'attributes').Remove((Get-KbSimKey $Path))
}

function global:Assert-KbSimParentExists {
    param([string]$Path)
    $parent = [KbSimPath]::GetDirectoryName((ConvertTo-KbSimFullPath $Path).TrimEnd('\'))
    if (-not $global:KbReal.Directory::Exists((Get-KbSimHostPath $parent))) {
        throw [System.IO.DirectoryNotFoundException]::new("Could not find a part of the path '$Path'.")
    }
}

class KbSimFile {
    static [bool] Exists([string]$path) {
        try { return $global:KbReal.File::Exists((Get-KbSimHostPath $path)) } catch { return $false }
    }
    static [void] Delete([string]$path) {
        $hostPath = Get-KbSimHostPath $path
        if (-not $global:KbReal.File::Exists($hostPath)) { Assert-KbSimParentExists $path; return }
        Assert-KbSimChangeable $path
        $global:KbReal.File::Delete($hostPath)
        Remove-KbSimAttributes $path
    }
    static [void] Move([string]$source, [string]$destination) {
        $from = Get-KbSimHostPath $source
        if (-not $global:KbReal.File::Exists($from)) { throw [System.IO.FileNotFoundException]::new("Could not find file '$source'.", $source) }
        if (Test-KbSimLockedBelow $source) { Assert-KbSimChangeable $source }
        Assert-KbSimParentExists $destination
        $to = Get-KbSimHostPath $destination
        if ($global:KbReal.File::Exists($to) -or $global:KbReal.Directory::Exists($to)) {
            throw [System.IO.IOException]::new("Cannot create a file when that file already exists.")
        }
        $global:KbReal.File::Move($from, $to)
        Move-KbSimAttributes $source $destination
    }
    static [void] Copy([string]$source, [string]$destination, [bool]$overwrite) {
        $to = Get-KbSimHostPath $destination
        if ($overwrite -and $global:KbReal.File::Exists($to)) { Assert-KbSimChangeable $destination }
        Assert-KbSimParentExists $destination
        $global:KbReal.File::Copy((Get-KbSimHostPath $source), $to, $overwrite)
    }
    static [void] Copy([string]$source, [string]$destination) { [KbSimFile]::Copy($source, $destination, $false) }
    static [System.IO.FileAttributes] GetAttributes([string]$path) { return (Get-KbSimAttributes $path) }
    static [void] SetAttributes([string]$path, [System.IO.FileAttributes]$attributes) { Set-KbSimAttributes $path ([int]$attributes) }
    static [string] ReadAllText([string]$path) { return $global:KbReal.File::ReadAllText((Get-KbSimHostPath $path)) }
    static [string] ReadAllText([string]$path, [System.Text.Encoding]$encoding) {
        return $global:KbReal.File::ReadAllText((Get-KbSimHostPath $path), $encoding)
    }
    static [void] WriteAllText([string]$path, [string]$text, [System.Text.Encoding]$encoding) {
        Assert-KbSimParentExists $path
        $hostPath = Get-KbSimHostPath $path
        if ($global:KbReal.File::Exists($hostPath) -and ([int](Get-KbSimAttributes $path) -band 1) -ne 0) {
            throw [System.UnauthorizedAccessException]::new("Access to the path '$path' is denied.")
        }
        $global:KbReal.File::WriteAllText($hostPath, $text, $encoding)
    }
    static [void] WriteAllText([string]$path, [string]$text) { [KbSimFile]::WriteAllText($path, $text, [System.Text.UTF8Encoding]::new($false)) }
    static [void] AppendAllText([string]$path, [string]$text, [System.Text.Encoding]$encoding) {
        Assert-KbSimParentExists $path
        $global:KbReal.File::AppendAllText((Get-KbSimHostPath $path), $text, $encoding)
    }
}

class KbSimDirectory {
    static [bool] Exists([string]$path) {
        try { return $global:KbReal.Directory::Exists((Get-KbSimHostPath $path)) } catch { return $false }
    }
    static [KbSimDirectoryInfo] CreateDirectory([string]$path) {
        $full = (ConvertTo-KbSimFullPath $path).TrimEnd('\')
        $parts = $full.Split('\')
        $current = $parts[0]
        for ($i = 1; $i -lt $parts.Length; $i++) {
            $current = $current + '\' + $parts[$i]
            $hostPath = Get-KbSimHostPath $current
            if ($global:KbReal.File::Exists($hostPath)) {
                throw [System.IO.IOException]::new("Cannot create '$current' because a file with the same name already exists.")
            }
            if (-not $global:KbReal.Directory::Exists($hostPath)) { $null = $global:KbReal.Directory::CreateDirectory($hostPath) }
        }
        return [KbSimDirectoryInfo]::new($full)
    }
    static [void] Delete([string]$path, [bool]$recursive) {
        $hostPath = Get-KbSimHostPath $path
        if (-not $global:KbReal.Directory::Exists($hostPath)) {
            throw [System.IO.DirectoryNotFoundException]::new("Could not find a part of the path '$path'.")
        }
        Assert-KbSimChangeable $path
        if (-not $recursive -and @($global:KbReal.Directory::EnumerateFileSystemEntries($hostPath)).Count -gt 0) {
            throw [System.IO.IOException]::new("The directory is not empty. : '$path'")
        }
        $global:KbReal.Directory::Delete($hostPath, $recursive)
        Remove-KbSimAttributes $path
    }
    static [void] Delete([string]$path) { [KbSimDirectory]::Delete($path, $false) }
    static [void] Move([string]$source, [string]$destination) {
        $from = Get-KbSimHostPath $source
        if (-not $global:KbReal.Directory::Exists($from)) {
            throw [System.IO.DirectoryNotFoundException]::new("Could not find a part of the path '$source'.")
        }
        if (Test-KbSimLockedBelow $source) {
            throw [System.IO.IOException]::new("Access to the path '$source' is denied.")
        }
        Assert-KbSimParentExists $destination
        $to = Get-KbSimHostPath $destination
        if ($global:KbReal.File::Exists($to) -or $global:KbReal.Directory::Exists($to)) {
            throw [System.IO.IOException]::new("Cannot create a file when that file already exists.")
        }
        $global:KbReal.Directory::Move($from, $to)
        Move-KbSimAttributes $source $destination
    }
}

class KbSimFileSystemInfo {
    # The Windows path of an entry; everything else is read from the Linux file when asked.
    [string]$FullName
    [string]$Name
    KbSimFileSystemInfo() {}
    hidden [void] Init([string]$path) {
        $this.FullName = (ConvertTo-KbSimFullPath $path).TrimEnd('\')
        $this.Name = [KbSimPath]::GetFileName($this.FullName)
    }
    [string] HostPath() { return (Get-KbSimHostPath $this.FullName) }
    # Attributes, Exists, Length and LastWriteTimeUtc are script properties (install.ps1).
    [string] ToString() { return $this.FullName }
}

class KbSimFileInfo : KbSimFileSystemInfo {
    KbSimFileInfo([string]$path) { $this.Init($path) }
}

class KbSimDirectoryInfo : KbSimFileSystemInfo {
    KbSimDirectoryInfo([string]$path) { $this.Init($path) }
    [object[]] GetFileSystemInfos() {
        $hostPath = $this.HostPath()
        if (-not $global:KbReal.Directory::Exists($hostPath)) {
            throw [System.IO.DirectoryNotFoundException]::new("Could not find a part of the path '$($this.FullName)'.")
        }
        $entries = New-Object System.Collections.Generic.List[object]
        foreach ($entry in ($global:KbReal.Directory::GetFileSystemEntries($hostPath) | Sort-Object)) {
            $child = $this.FullName + '\' + $global:KbReal.Path::GetFileName($entry)
            if ($global:KbReal.Directory::Exists($entry)) { $entries.Add([KbSimDirectoryInfo]::new($child)) }
            else { $entries.Add([KbSimFileInfo]::new($child)) }
        }
        return $entries.ToArray()
    }
}

class KbSimFileStream : System.IO.FileStream {
    # A real stream on the Linux file behind the Windows path; locked files refuse to open.
    KbSimFileStream([string]$path, [System.IO.FileMode]$mode, [System.IO.FileAccess]$access, [System.IO.FileShare]$share) :
        base((Get-KbSimOpenPath $path), $mode, $access, $share) {}
}

function global:Get-KbSimOpenPath {
    param([string]$Path)
    foreach ($locked in @((Get-KbSimSection 'faults')['lockedExclusive'])) {
        if ($null -ne $locked -and (Get-KbSimKey ([string]$locked)) -eq (Get-KbSimKey $Path)) {
            throw [System.IO.IOException]::new("The process cannot access the file '$Path' because it is being used by another process.")
        }
    }
    return (Get-KbSimHostPath $Path)
}

class KbSimFileVersionInfo {
    # File versions come from the world (fileVersions: path -> 'a.b.c.d'); no resource = 0.0.0.0.
    [int]$FileMajorPart
    [int]$FileMinorPart
    [int]$FileBuildPart
    [int]$FilePrivatePart
    static [KbSimFileVersionInfo] GetVersionInfo([string]$path) {
        if (-not [KbSimFile]::Exists($path)) { throw [System.IO.FileNotFoundException]::new($path) }
        $info = [KbSimFileVersionInfo]::new()
        $text = (Get-KbSimSection 'fileVersions')[(Get-KbSimKey $path)]
        if ($null -ne $text) {
            $version = [version]([string]$text)
            $info.FileMajorPart = $version.Major; $info.FileMinorPart = $version.Minor
            $info.FileBuildPart = [Math]::Max($version.Build, 0); $info.FilePrivatePart = [Math]::Max($version.Revision, 0)
        }
        return $info
    }
}
