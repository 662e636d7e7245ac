# ---- probes/command.ps1: a read-only Windows tool's exit code and output (winmgmt /verifyrepository) ----
# The program runs as the run step runs one: no shell, each literal argument (a base such as
# %windir% in it resolved as a path's base is) quoted for CommandLineToArgvW, ended after TimeoutSeconds (then the probe could not look). The 64-bit tool
# is used from a 32-bit host (Sysnative). Present when the exit code is a problem code or not a
# clean code, or the output (stdout and stderr) holds the problem tokens or lacks the clean ones;
# Match 'all' needs every token of a list, 'any' one. Tokens match case-insensitively.

function Find-KbOutputTokens {
    param([string]$Output, [string[]]$Tokens)
    foreach ($token in $Tokens) {
        if ($Output.IndexOf($token, [System.StringComparison]::OrdinalIgnoreCase) -ge 0) { $token }
    }
}

function Get-KbCommandProblems {
    # Why the run shows the problem: one phrase per reason, none when it looks clean.
    param([object]$Run, [int[]]$ProblemCodes, [int[]]$CleanCodes, [string[]]$ProblemTokens, [string[]]$CleanTokens, [string]$Match)
    $code = $Run.ExitCode
    if ($ProblemCodes -contains $code) { 'exit code ' + $code + ' means the problem' }
    if ($CleanCodes.Count -gt 0 -and $CleanCodes -notcontains $code) { 'exit code ' + $code + ' is not ' + ($CleanCodes -join ' or ') }
    if ($ProblemTokens.Count -gt 0) {
        $found = @(Find-KbOutputTokens -Output $Run.Output -Tokens $ProblemTokens)
        $hit = $found.Count -gt 0
        if ($Match -eq 'all') { $hit = $found.Count -eq $ProblemTokens.Count }
        if ($hit) { 'output has ' + ($found -join ', ') }
    }
    if ($CleanTokens.Count -gt 0) {
        $found = @(Find-KbOutputTokens -Output $Run.Output -Tokens $CleanTokens)
        $missing = @($CleanTokens | Where-Object { $found -notcontains $_ })
        $clean = $found.Count -gt 0
        if ($Match -eq 'all') { $clean = $missing.Count -eq 0 }
        if (-not $clean) { 'output lacks ' + ($missing -join ', ') }
    }
}

function Test-KbCommandProbe {
    param(
        [string]$Id,
        [hashtable]$Program,
        [object[]]$Arguments = @(),
        [int]$TimeoutSeconds = 60,
        [int[]]$ProblemCodes = @(),
        [int[]]$CleanCodes = @(),
        [string[]]$ProblemTokens = @(),
        [string[]]$CleanTokens = @(),
        [string]$Match = 'any'
    )
    try {
        $exe = Resolve-KbNativeProgram -Path (Resolve-KbPath -Spec $Program)
        if (-not [System.IO.File]::Exists($exe)) { throw ('program not found: ' + $exe) }
        $list = @(Resolve-KbLiteralArguments -Arguments $Arguments)
        $run = Invoke-KbProcess -FilePath $exe -Arguments $list -TimeoutSeconds $TimeoutSeconds -WorkingDirectory ([System.IO.Path]::GetDirectoryName($exe))
        $shown = ($exe + ' ' + $run.CommandLine).Trim()
        if ($run.TimedOut) { throw ($shown + ' still ran after ' + $TimeoutSeconds + ' s and was ended') }
        $problems = @(Get-KbCommandProblems -Run $run -ProblemCodes $ProblemCodes -CleanCodes $CleanCodes -ProblemTokens $ProblemTokens -CleanTokens $CleanTokens -Match $Match)
        $detail = $shown + ': exit code ' + $run.ExitCode
        if ($problems.Count -gt 0) { return (New-KbProbeResult -Id $Id -Present $true -Detail ($detail + '; ' + ($problems -join '; '))) }
        return (New-KbProbeResult -Id $Id -Present $false -Detail ($detail + ', as expected'))
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
