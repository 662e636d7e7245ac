# ---- relaunch.ps1: the 64-bit host (docs/emitted-script-rules.md#64-bit-host): a 32-bit host on 64-bit Windows starts the 64-bit one ----


function Test-KbNeeds64BitHost {
    # A 32-bit PowerShell on 64-bit Windows sees SysWOW64 and WOW6432Node instead of the real ones.
    if ([Environment]::Is64BitProcess) { return $false }
    return (-not [string]::IsNullOrEmpty([Environment]::GetEnvironmentVariable('PROCESSOR_ARCHITEW6432')))
}

function ConvertTo-KbRelaunchArguments {
    # The bound parameters again: switches as -Name, values as -Name value (arrays comma-joined:
    # -File cannot pass arrays); false switches and empty values are left out (their defaults).
    # Windows PowerShell 5.1 wraps an argument with spaces in quotes without doubling the
    # backslashes before the closing quote, and cannot pass '"' intact: double them, reject '"'.
    # PowerShell 7.3 and later (argument passing 'Standard' or 'Windows') double them itself.
    # Both callers pass their $PSBoundParameters, never $null.
    param([System.Collections.IDictionary]$BoundParameters)
    $passing = [string](Get-Variable -Name 'PSNativeCommandArgumentPassing' -ValueOnly -ErrorAction SilentlyContinue)
    $legacy = $passing.Length -eq 0 -or $passing -eq 'Legacy'
    foreach ($name in @($BoundParameters.Keys)) {
        $value = $BoundParameters[$name]
        if ($value -is [System.Management.Automation.SwitchParameter] -or $value -is [bool]) {
            if ([bool]$value) { '-' + $name }
            continue
        }
        $text = @($value | ForEach-Object { [string]$_ }) -join ','
        if ($text.Length -eq 0) { continue }
        if ($text.IndexOf([char]34) -ge 0) { throw ('-' + $name + ' contains a double quote') }
        if ($text.StartsWith('-')) { throw ('-' + $name + ' starts with -, which -File would read as a parameter name') }
        if ($legacy -and $text -match '\s') { $text = $text -replace '(\\+)$', '$1$1' }
        '-' + $name
        $text
    }
}

function Invoke-KbRelaunch64 {
    # In a 32-bit host on 64-bit Windows: run this script again in the 64-bit host (Sysnative) and
    # exit with its exit code; its output is ours. Otherwise return and carry on.
    param([System.Collections.IDictionary]$BoundParameters, [string]$ScriptPath)
    if (-not (Test-KbNeeds64BitHost)) {
        [Environment]::SetEnvironmentVariable('KBFIX_RELAUNCHED', '', 'Process')
        return
    }
    if ([Environment]::GetEnvironmentVariable('KBFIX_RELAUNCHED') -eq '1') {
        throw 'still a 32-bit process after relaunching in the 64-bit host'
    }
    if ([string]::IsNullOrEmpty($ScriptPath)) { throw 'cannot relaunch in the 64-bit host: the script path is unknown' }
    $windir = [string][Environment]::GetEnvironmentVariable('windir')
    $host64 = $windir + '\Sysnative\WindowsPowerShell\v1.0\powershell.exe'
    if (-not (Test-KbFullyQualifiedPath -Path $windir) -or -not [System.IO.File]::Exists($host64)) {
        throw ('cannot relaunch in the 64-bit host: ' + $host64 + ' not found')
    }
    $arguments = @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', $ScriptPath) +
        @(ConvertTo-KbRelaunchArguments -BoundParameters $BoundParameters)
    [Environment]::SetEnvironmentVariable('KBFIX_RELAUNCHED', '1', 'Process')
    # Local to this function: a line on the child's stderr must not become a terminating error.
    $ErrorActionPreference = 'Continue'
    & $host64 $arguments
    exit $LASTEXITCODE
}
