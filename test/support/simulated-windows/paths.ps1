# Windows path rules over a Linux folder: C:\ is <root>/C, names are matched without regard
# to case as NTFS does, and '\' is the separator. Host paths never leave this file's functions.

function global:ConvertTo-KbSimFullPath {
    # Like Path.GetFullPath on Windows for the full paths the runtime builds: '/' becomes '\',
    # '.' and '..' are resolved, repeated separators collapse. A relative path is an error.
    param([string]$Path)
    # Already normal (the usual case: the runtime builds full paths): nothing to resolve.
    if ($Path -cmatch '^[A-Z]:\\(?![\s\S]*(\\\\|\\\.|/|[ .]\\|[ .]$))') { return $Path }
    $text = $Path.Replace('/', '\')
    if ($text -notmatch '^[A-Za-z]:\\') { throw [System.ArgumentException]::new("simulated Windows: not a full path: '$Path'") }
    $drive = $text.Substring(0, 2).ToUpperInvariant()
    $parts = New-Object System.Collections.Generic.List[string]
    foreach ($part in $text.Substring(3).Split('\')) {
        if ($part -eq '' -or $part -eq '.') { continue }
        if ($part -eq '..') { if ($parts.Count -gt 0) { $parts.RemoveAt($parts.Count - 1) }; continue }
        $parts.Add($part.TrimEnd(' ', '.'))
    }
    $full = $drive + '\' + ($parts -join '\')
    if ($text.EndsWith('\') -and $parts.Count -gt 0) { $full += '\' }
    return $full
}

function global:Get-KbSimKey {
    # The world's key for a path: full, no trailing separator, lower case.
    param([string]$Path)
    return (ConvertTo-KbSimFullPath $Path).TrimEnd('\').ToLowerInvariant()
}

$global:KbSimHostPaths = @{}

function global:Get-KbSimHostPath {
    # The Linux path for a Windows path: each existing name is matched without regard to case.
    # Paths found to exist are remembered (checked again on every use: entries come and go).
    param([string]$Path)
    $full = (ConvertTo-KbSimFullPath $Path).TrimEnd('\')
    $cacheKey = [string]$global:KbSim.World['root'] + '|' + $full
    $known = $global:KbSimHostPaths[$cacheKey]
    if ($null -ne $known -and ($global:KbReal.File::Exists($known) -or $global:KbReal.Directory::Exists($known))) { return $known }
    $hostPath = $global:KbReal.Path::Combine([string]$global:KbSim.World['root'], $full.Substring(0, 1))
    foreach ($part in $full.Substring(2).Split('\', [System.StringSplitOptions]::RemoveEmptyEntries)) {
        $match = $null
        if ($global:KbReal.Directory::Exists($hostPath)) {
            foreach ($entry in $global:KbReal.Directory::EnumerateFileSystemEntries($hostPath)) {
                $name = $global:KbReal.Path::GetFileName($entry)
                if ($name -ieq $part) { $match = $name; break }
            }
        }
        if ($null -eq $match) { $match = $part }
        $hostPath = $global:KbReal.Path::Combine($hostPath, $match)
    }
    if ($global:KbReal.File::Exists($hostPath) -or $global:KbReal.Directory::Exists($hostPath)) { $global:KbSimHostPaths[$cacheKey] = $hostPath }
    return $hostPath
}

function global:Join-KbSimPath {
    # Path.Combine with Windows rules: a rooted second part replaces the first.
    param([string[]]$Parts)
    $result = ''
    foreach ($part in $Parts) {
        if ($part -match '^[A-Za-z]:\\' -or $part.StartsWith('\')) { $result = $part; continue }
        if ($result.Length -eq 0 -or $result.EndsWith('\') -or $result.EndsWith(':')) { $result += $part } else { $result += '\' + $part }
    }
    return $result
}

class KbSimPath {
    # Replaces System.IO.Path: pure string rules of Windows.
    static [string] Combine([string]$a, [string]$b) { return (Join-KbSimPath @($a, $b)) }
    static [string] Combine([string]$a, [string]$b, [string]$c) { return (Join-KbSimPath @($a, $b, $c)) }
    static [string] GetFullPath([string]$path) { return (ConvertTo-KbSimFullPath $path) }
    static [string] GetFileName([string]$path) {
        if ($null -eq $path) { return $null }
        $index = $path.LastIndexOfAny([char[]]'\/:')
        return $path.Substring($index + 1)
    }
    static [string] GetDirectoryName([string]$path) {
        $full = $path.Replace('/', '\')
        if ($full -match '^[A-Za-z]:\\?$') { return $null }
        $index = $full.LastIndexOf('\')
        if ($index -lt 0) { return '' }
        if ($index -eq 2) { return $full.Substring(0, 3) }
        return $full.Substring(0, $index)
    }
    static [string] GetPathRoot([string]$path) {
        if ($path -match '^[A-Za-z]:\\') { return $path.Substring(0, 3) }
        if ($path -match '^[A-Za-z]:') { return $path.Substring(0, 2) }
        if ($path -match '^\\\\[^\\]+\\[^\\]+') { return $Matches[0] }
        if ($path.StartsWith('\')) { return '\' }
        return ''
    }
    static [string] ChangeExtension([string]$path, [string]$extension) {
        $name = [KbSimPath]::GetFileName($path)
        $dot = $name.LastIndexOf('.')
        $stem = $path
        if ($dot -ge 0) { $stem = $path.Substring(0, $path.Length - ($name.Length - $dot)) }
        if ($null -eq $extension) { return $stem }
        if (-not $extension.StartsWith('.')) { $extension = '.' + $extension }
        return $stem + $extension
    }
    static [string] GetTempPath() { return ([string](Get-KbSimEnvironmentVariable 'TEMP')).TrimEnd('\') + '\' }
}
