# ---- process.ps1: running programs (run, register-dlls) without a shell; arguments quoted for CommandLineToArgvW ----


function ConvertTo-KbQuotedArgument {
    # Quoted when empty or containing whitespace, with the backslashes before the closing quote
    # doubled; a double quote inside cannot be carried safely and is rejected.
    param([string]$Value)
    if ($Value.IndexOf([char]34) -ge 0) { throw ('an argument contains a double quote: ' + $Value) }
    if ($Value.Length -gt 0 -and $Value -notmatch '\s') { return $Value }
    return ('"' + ($Value -replace '(\\+)$', '$1$1') + '"')
}

function ConvertTo-KbArgumentString {
    param([string[]]$Arguments)
    $parts = New-Object System.Collections.Generic.List[string]
    foreach ($argument in $Arguments) { $parts.Add((ConvertTo-KbQuotedArgument -Value $argument)) }
    return ($parts.ToArray() -join ' ')
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
        return [pscustomobject]@{ TimedOut = (-not $exited); ExitCode = $exitCode; CommandLine = $info.Arguments }
    } finally {
        $process.Dispose()
    }
}
