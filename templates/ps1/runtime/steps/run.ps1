# ---- steps/run.ps1: run a program (CCMCertFix.exe) with an argument list; one-shot, behind its guard ----
# No shell: the arguments become one command line quoted by the CommandLineToArgvW rules, so a
# literal from the playbook (switches included) arrives exactly; a literal naming a base
# (%windir%) gets the base's value, resolved as a path's base is, or the step fails. A parameter value stays one
# whole argument and may not start with - or / (the tool would read it as a switch); an empty
# optional parameter leaves its argument out. The exit code must
# be one of the success codes; a program still running after TimeoutSeconds is ended and fails.

function Resolve-KbRunArguments {
    # @(@{ Literal = 'x' }, @{ Parameter = 'Name' }, @{ Written = ...; Parts = ... }) -> the argument strings.
    param([object[]]$Arguments)
    foreach ($argument in $Arguments) {
        if ($argument.ContainsKey('Parts')) {
            Resolve-KbArgumentText -Argument $argument
            continue
        }
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
        $text
    }
}

function Get-KbRunPlan {
    # A missing program ends the step as failed.
    param([hashtable]$Step)
    $exe = Resolve-KbPath -Spec $Step['Program']
    if (-not [System.IO.File]::Exists($exe)) {
        return @{ Stop = @{ Status = 'failed'; Message = ('program not found: ' + $exe) } }
    }
    $list = @(Resolve-KbRunArguments -Arguments $Step['Arguments'])
    $commandLine = ConvertTo-KbArgumentString -Arguments $list
    return @{
        Target = $exe
        Action = 'Run with arguments: ' + $commandLine
        Before = 'not run'
        After = 'exit code ' + ($Step['SuccessCodes'] -join ' or ')
        AfterValue = [ordered]@{ exitCodes = @($Step['SuccessCodes']) }
        Arguments = $list
        CommandLine = $commandLine
    }
}

function Invoke-KbRunAct {
    param([hashtable]$Step, [hashtable]$Plan)
    $exe = $Plan['Target']
    $run = Invoke-KbProcess -FilePath $exe -Arguments $Plan['Arguments'] -TimeoutSeconds $Step['TimeoutSeconds'] -WorkingDirectory ([System.IO.Path]::GetDirectoryName($exe))
    $ran = 'ran ' + $exe + ' ' + $Plan['CommandLine']
    if ($run.TimedOut) {
        return @{ Status = 'failed'; After = 'timed out'; AfterValue = [ordered]@{ timedOut = $true }; Message = ($exe + ' still ran after ' + $Step['TimeoutSeconds'] + ' s and was ended') }
    }
    $outcome = @{ Status = 'changed'; After = ('exit code ' + $run.ExitCode); AfterValue = [ordered]@{ exitCode = $run.ExitCode }; Message = $ran }
    if ($Step['SuccessCodes'] -notcontains $run.ExitCode) {
        $outcome['Status'] = 'failed'
        $outcome['Message'] = $ran + '; expected ' + $Plan['After']
    }
    return $outcome
}

function Invoke-KbRunStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [hashtable]$Program,
        [object[]]$Arguments = @(),
        [int[]]$SuccessCodes = @(0),
        [int]$TimeoutSeconds = 300,
        [scriptblock]$Verify = $null
    )
    if ($null -eq $SuccessCodes -or $SuccessCodes.Count -eq 0) { $SuccessCodes = @(0) }
    $step = @{ Program = $Program; Arguments = $Arguments; SuccessCodes = $SuccessCodes; TimeoutSeconds = $TimeoutSeconds }
    $lifecycle = @{ Plan = ${function:Get-KbRunPlan}; Act = ${function:Invoke-KbRunAct} }
    Invoke-KbOneShotStep -Id $Id -Guard $Guard -Kind 'run' -Step $step -Verify $Verify @lifecycle
}
