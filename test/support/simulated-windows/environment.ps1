# Replaces System.Environment: variables are looked up without regard to case, as on Windows;
# the OS version, bitness and machine name come from the world.

function global:Get-KbSimEnvironmentVariable {
    param([string]$Name)
    $variables = Get-KbSimSection 'env'
    foreach ($key in $variables.Keys) { if ($key -ieq $Name) { return [string]$variables[$key] } }
    return $null
}

function global:Set-KbSimEnvironmentVariable {
    param([string]$Name, [string]$Value)
    $variables = Get-KbSimSection 'env'
    foreach ($key in @($variables.Keys)) { if ($key -ieq $Name) { $variables.Remove($key) } }
    if (-not [string]::IsNullOrEmpty($Value)) { $variables[$Name] = $Value }
}

function global:Expand-KbSimEnvironment {
    # %NAME% is replaced when NAME is set; unknown names stay as written, as on Windows.
    param([string]$Text)
    return [regex]::Replace($Text, '%([^%]+)%', {
            param($match)
            $value = Get-KbSimEnvironmentVariable $match.Groups[1].Value
            if ($null -eq $value) { return $match.Value }
            return $value
        })
}

class KbSimOperatingSystem {
    [version]$Version
    [string]$VersionString
    KbSimOperatingSystem([string]$text) {
        $this.Version = [version]$text
        $this.VersionString = 'Microsoft Windows NT ' + $text
    }
}

class KbSimEnvironment {
    static [string] GetEnvironmentVariable([string]$name) { return (Get-KbSimEnvironmentVariable $name) }
    static [void] SetEnvironmentVariable([string]$name, [string]$value) { Set-KbSimEnvironmentVariable $name $value }
    static [void] SetEnvironmentVariable([string]$name, [string]$value, [string]$target) {
        if ($target -ne 'Process') { throw [System.NotSupportedException]::new('simulated Windows: only Process variables') }
        Set-KbSimEnvironmentVariable $name $value
    }
    static [string] ExpandEnvironmentVariables([string]$text) { return (Expand-KbSimEnvironment $text) }
    # Static properties are read when first used; install.ps1 sets them from the world.
    static [bool]$Is64BitProcess
    static [bool]$Is64BitOperatingSystem
    static [string]$MachineName
    static [KbSimOperatingSystem]$OSVersion
    static [string]$NewLine = "`r`n"
}
