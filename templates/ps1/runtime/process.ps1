# ---- process.ps1: running programs (run, register-dlls, command probes) without a shell; arguments quoted for CommandLineToArgvW ----


function ConvertTo-KbQuotedArgument {
    # One argument as the C runtime and CommandLineToArgvW read it back: bare when it has no
    # space, tab or double quote; otherwise in double quotes, each " escaped as \", and the
    # backslashes before a " (or before the closing quote) doubled. (docs/emitted-script-rules.md#argv-quoting)
    param([string]$Value)
    if ($Value.Length -gt 0 -and $Value -notmatch '[\s"]') { return $Value }
    $quoted = '"'
    $backslashes = 0
    for ($i = 0; $i -lt $Value.Length; $i++) {
        $c = $Value[$i]
        if ($c -eq [char]92) { $backslashes += 1; continue }
        if ($c -eq [char]34) { $quoted += ('\' * (2 * $backslashes + 1)) } else { $quoted += ('\' * $backslashes) }
        $backslashes = 0
        $quoted += $c
    }
    return ($quoted + ('\' * (2 * $backslashes)) + '"')
}

function ConvertTo-KbArgumentString {
    param([string[]]$Arguments)
    $parts = New-Object System.Collections.Generic.List[string]
    foreach ($argument in $Arguments) { $parts.Add((ConvertTo-KbQuotedArgument -Value $argument)) }
    return ($parts.ToArray() -join ' ')
}

function Resolve-KbArgumentText {
    # @{ Written = '/log:%windir%\x.log'; Parts = @('/log:', @{ Base = 'windir' }, '\x.log') } -> the
    # text. No shell expands a base for the program, so each is resolved as a path's base (empty,
    # relative or a root throws: the step fails before anything runs); %SystemDrive% as the drive
    # of a path below it, giving C:. (docs/emitted-script-rules.md#bases-in-arguments)
    param([hashtable]$Argument)
    $text = ''
    foreach ($part in @($Argument['Parts'])) {
        if ($part -is [string]) { $text += $part; continue }
        $name = [string]$part['Base']
        try {
            if ($name -eq 'SystemDrive') {
                $text += (Resolve-KbPath -Spec @{ Base = $name; Segments = @('x') }).Substring(0, 2)
            } else {
                $text += Resolve-KbPath -Spec @{ Base = $name; Segments = @() }
            }
        } catch {
            throw ('argument ' + [string]$Argument['Written'] + ': ' + (Get-KbErrorText $_))
        }
    }
    return $text
}

function Resolve-KbLiteralArguments {
    # A command probe's arguments: strings as written, hashtables through Resolve-KbArgumentText.
    param([object[]]$Arguments)
    foreach ($argument in $Arguments) {
        if ($argument -is [hashtable]) { Resolve-KbArgumentText -Argument $argument } else { [string]$argument }
    }
}

function Get-KbTaskText {
    param([object]$Task)
    try {
        if ($Task.Wait(5000)) { return [string]$Task.Result }
    } catch {
        return ''
    }
    return ''
}

function Invoke-KbProcess {
    # Starts the program directly and waits up to TimeoutSeconds; a hung program is killed.
    # (Start-Process -Wait has no timeout, and with -PassThru alone its ExitCode can be empty.)
    param([string]$FilePath, [string[]]$Arguments, [int]$TimeoutSeconds, [string]$WorkingDirectory = '')
    $info = New-Object System.Diagnostics.ProcessStartInfo
    $info.FileName = $FilePath
    $info.Arguments = ConvertTo-KbArgumentString -Arguments $Arguments
    $info.UseShellExecute = $false
    $info.CreateNoWindow = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    if ($WorkingDirectory.Length -gt 0) { $info.WorkingDirectory = $WorkingDirectory }
    $process = [System.Diagnostics.Process]::Start($info)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $exited = $process.WaitForExit($TimeoutSeconds * 1000)
        if (-not $exited) {
            try { $process.Kill() } catch { Write-KbLog ('could not end ' + $FilePath + ': ' + (Get-KbErrorText $_)) 2 }
            $null = $process.WaitForExit(5000)
        }
        $exitCode = $null
        if ($exited) { $exitCode = $process.ExitCode }
        $output = ((Get-KbTaskText -Task $stdout) + ' ' + (Get-KbTaskText -Task $stderr)).Trim()
        if ($output.Length -gt 0) { Write-KbLog ('output of ' + [System.IO.Path]::GetFileName($FilePath) + ': ' + (Format-KbShort $output 2000)) }
        return [pscustomobject]@{ TimedOut = (-not $exited); ExitCode = $exitCode; CommandLine = $info.Arguments; Output = $output }
    } finally {
        $process.Dispose()
    }
}

function Resolve-KbNativeProgram {
    # A 32-bit host on 64-bit Windows reads System32 as SysWOW64; Sysnative is the real System32.
    # The scripts relaunch themselves in the 64-bit host first, so this matters only if one runs
    # on in a 32-bit host: a probe must still read the 64-bit tool (the 64-bit WMI, BITS, sc).
    param([string]$Path)
    if (-not (Test-KbNeeds64BitHost)) { return $Path }
    $windir = [string][Environment]::GetEnvironmentVariable('windir')
    $system32 = $windir.TrimEnd('\') + '\System32\'
    if (-not $Path.StartsWith($system32, [System.StringComparison]::OrdinalIgnoreCase)) { return $Path }
    return ($windir.TrimEnd('\') + '\Sysnative\' + $Path.Substring($system32.Length))
}
