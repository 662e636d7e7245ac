# ---- steps/run.ps1: run a program (CCMCertFix.exe) with an argument list; one-shot, behind its guard ----
# No shell: the arguments become one command line quoted by the CommandLineToArgvW rules. A
# parameter value that starts with - or / or holds a double quote is refused (the tool could
# read it as a switch); an empty optional parameter leaves its argument out. The exit code must
# be one of the success codes; a program still running after TimeoutSeconds is ended and fails.

function Resolve-KbRunArguments {
    # @(@{ Literal = 'x' }, @{ Parameter = 'Name' }) -> the argument strings.
    param([object[]]$Arguments)
    foreach ($argument in $Arguments) {
        if ($argument.ContainsKey('Literal')) {
            [string]$argument['Literal']
            continue
        }
        $name = [string]$argument['Parameter']
        $value = Get-KbParameterValue -Name $name
        if ($null -eq $value -or ([string]$value).Length -eq 0) {
            Write-KbLog ('parameter ' + $name + ' is empty: its argument is left out')
            continue
        }
        $text = [string]$value
        if ($text.StartsWith('-') -or $text.StartsWith('/')) { throw ('-' + $name + ' starts with - or /, which the program could read as a switch') }
        if ($text.IndexOf([char]34) -ge 0) { throw ('-' + $name + ' contains a double quote') }
        $text
    }
}

function Invoke-KbRunStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [hashtable]$Program,
        [object[]]$Arguments = @(),
        [int[]]$SuccessCodes = @(0),
        [int]$TimeoutSeconds = 300
    )
    try {
        if (-not (Test-KbStepGuard -ResultId $Id -Guard $Guard)) { return }
        $exe = Resolve-KbPath -Spec $Program
        if (-not [System.IO.File]::Exists($exe)) {
            Add-KbResult -Id $Id -Status 'failed' -Message ('program not found: ' + $exe)
            return
        }
        $list = @(Resolve-KbRunArguments -Arguments $Arguments)
        $commandLine = ConvertTo-KbArgumentString -Arguments $list
        if ($null -eq $SuccessCodes -or $SuccessCodes.Count -eq 0) { $SuccessCodes = @(0) }
        $expected = 'exit code ' + ($SuccessCodes -join ' or ')
        if (-not $PSCmdlet.ShouldProcess($exe, 'Run with arguments: ' + $commandLine)) {
            Add-KbResult -Id $Id -Status 'changed' -Before 'not run' -After $expected -Message ('would run ' + $exe + ' ' + $commandLine) -Simulated
            return
        }
        $run = Invoke-KbProcess -FilePath $exe -Arguments $list -TimeoutSeconds $TimeoutSeconds -WorkingDirectory ([System.IO.Path]::GetDirectoryName($exe))
        if ($run.TimedOut) {
            Add-KbResult -Id $Id -Status 'failed' -Before 'not run' -After 'timed out' -Message ($exe + ' still ran after ' + $TimeoutSeconds + ' s and was ended')
        } elseif ($SuccessCodes -contains $run.ExitCode) {
            Add-KbResult -Id $Id -Status 'changed' -Before 'not run' -After ('exit code ' + $run.ExitCode) -Message ('ran ' + $exe + ' ' + $commandLine)
        } else {
            Add-KbResult -Id $Id -Status 'failed' -Before 'not run' -After ('exit code ' + $run.ExitCode) -Message ('ran ' + $exe + ' ' + $commandLine + '; expected ' + $expected)
        }
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('run: ' + (Get-KbErrorText $_))
    }
}
