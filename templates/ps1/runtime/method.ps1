# ---- method.ps1: one method of the article ----
# Skipped (with a result record) when: the detection failed or found nothing at the start, an
# earlier method already made the problem go away (strategy escalate), -Method does not name it,
# it does not apply here (not-applicable), or it is high risk without -AllowHighRisk. Otherwise:
# its services are stopped (remembering which were running), its steps run, and in finally the
# stopped services are started again whatever failed. Also here: starting and stopping services
# with a timeout, and running programs (run, register-dlls) without a shell.

$script:KbEscalationDoneBy = $null
$script:KbMethodReboots = @{}
$script:KbServiceTimeoutSeconds = 60

function Get-KbMethodSkip {
    # Why this method does not run (Status, Message, Warn), or $null when it runs.
    param([string]$Id, [string]$Risk, [hashtable]$Applies)
    if ($script:KbDetectionFailedAtStart) {
        return @{ Status = 'skipped'; Warn = $true; Message = 'the detection failed at the start, so nothing is changed' }
    }
    if ($script:KbNoEvidenceAtStart) {
        return @{ Status = 'skipped'; Warn = $false; Message = 'no evidence of the problem at the start' }
    }
    if ($null -ne $script:KbEscalationDoneBy) {
        return @{ Status = 'skipped'; Warn = $false; Message = ('the problem was gone after method ' + $script:KbEscalationDoneBy) }
    }
    if ($script:KbSelectedMethods.Count -gt 0 -and $script:KbSelectedMethods -notcontains $Id) {
        return @{ Status = 'skipped'; Warn = $false; Message = 'not selected by -Method' }
    }
    $check = Test-KbApplicable -Applies $Applies
    if (-not $check['Applicable']) {
        return @{ Status = 'not-applicable'; Warn = $false; Message = $check['Reason'] }
    }
    if ($Risk -eq 'high' -and -not $script:KbAllowHighRisk) {
        return @{ Status = 'skipped'; Warn = $true; Message = ('high risk: runs only with -AllowHighRisk (for this method alone: -AllowHighRisk -Method ' + $Id + ')') }
    }
    return $null
}

function Invoke-KbMethod {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [int]$KbMethod,
        [string]$Title,
        [string]$Risk,
        [string]$Reboot,
        [hashtable]$Applies,
        [string[]]$Services,
        [scriptblock]$Steps
    )
    $script:KbCurrentMethodId = $Id
    try {
        Write-KbLog ('---- method ' + $Id + ' (method ' + $KbMethod + ' of the article): ' + $Title + ' [risk ' + $Risk + ', reboot ' + $Reboot + ']')
        $skip = Get-KbMethodSkip -Id $Id -Risk $Risk -Applies $Applies
        if ($null -ne $skip) {
            Add-KbResult -Id $Id -Status $skip['Status'] -Message $skip['Message'] -Warn:([bool]$skip['Warn'])
            return
        }
        $script:KbMethodReboots[$Id] = $Reboot
        Invoke-KbMethodSteps -Id $Id -Services $Services -Steps $Steps
        Update-KbAfterMethod -Id $Id
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('method failed: ' + (Get-KbErrorText $_))
    } finally {
        $script:KbCurrentMethodId = $null
    }
}

function Invoke-KbMethodSteps {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string]$Id, [string[]]$Services, [scriptblock]$Steps)
    $stopped = New-Object System.Collections.Generic.List[string]
    try {
        if (Stop-KbMethodServices -Id $Id -Services $Services -Stopped $stopped) {
            $null = & $Steps
        }
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('the steps stopped at an error: ' + (Get-KbErrorText $_))
    } finally {
        Start-KbMethodServices -Id $Id -Stopped $stopped
    }
}

function Stop-KbMethodServices {
    # True when the steps may run: every listed service that was running is stopped now.
    # Under -WhatIf nothing is stopped and the steps run to say what they would change.
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string]$Id, [string[]]$Services, [System.Collections.Generic.List[string]]$Stopped)
    foreach ($name in $Services) {
        $service = Get-KbService -Name $name
        if ($null -eq $service) {
            Write-KbLog ('service ' + $name + ' is not installed: nothing to stop') 2
            continue
        }
        if ([string]$service.Status -eq 'Stopped') {
            Write-KbLog ('service ' + $name + ' is already stopped')
            continue
        }
        if (-not $PSCmdlet.ShouldProcess($name, 'Stop the service for this method and start it again afterwards')) { continue }
        try {
            Stop-KbService -Name $name -Stopped $Stopped
            Write-KbLog ('stopped service ' + $name)
        } catch {
            Add-KbResult -Id ($Id + ':stop-' + $name) -Status 'failed' -Message ('could not stop ' + $name + ', so the steps did not run: ' + (Get-KbErrorText $_))
            return $false
        }
    }
    return $true
}

function Start-KbMethodServices {
    # Runs in finally: what this method stopped is started again, whatever failed.
    param([string]$Id, [System.Collections.Generic.List[string]]$Stopped)
    foreach ($name in $Stopped) {
        try {
            Start-KbService -Name $name
            Write-KbLog ('started service ' + $name + ' again')
        } catch {
            Add-KbResult -Id ($Id + ':start-' + $name) -Status 'failed' -Message ('could not start ' + $name + ' again: ' + (Get-KbErrorText $_))
        }
    }
}

function Update-KbAfterMethod {
    # A method that really changed something moves the history baseline (state.ps1). With
    # strategy escalate the detection runs again; once it is clean the other methods are skipped.
    param([string]$Id)
    if (Test-KbAnyResult -Status 'changed' -Method $Id -RealOnly) { Move-KbHistoryBaseline -Reason ('method ' + $Id) }
    if ([string]$script:KbPlaybook['Strategy'] -ne 'escalate') { return }
    $evidence = Get-KbEvidence -Phase ('after method ' + $Id)
    if ($null -ne $evidence -and -not $evidence.Present) {
        $script:KbEscalationDoneBy = $Id
        Write-KbLog ('the problem is gone after method ' + $Id + ': the remaining methods are skipped')
    }
}

# ---- Services (exact names, with a timeout) ----

function Stop-KbService {
    # ServiceController.Stop also stops running dependents. Every name goes into Stopped before
    # the stop, so the caller's finally starts them again even after a timeout.
    param([string]$Name, [System.Collections.Generic.List[string]]$Stopped, [int]$TimeoutSeconds = $script:KbServiceTimeoutSeconds)
    $service = Get-KbService -Name $Name
    if ($null -eq $service) { throw ('service ' + $Name + ' is not installed') }
    $service.Refresh()
    if ([string]$service.Status -eq 'Stopped') { return }
    if (-not $Stopped.Contains($service.ServiceName)) { $Stopped.Add($service.ServiceName) }
    foreach ($dependent in @($service.DependentServices)) {
        if ([string]$dependent.Status -ne 'Stopped' -and -not $Stopped.Contains($dependent.ServiceName)) {
            $Stopped.Add($dependent.ServiceName)
        }
    }
    if ([string]$service.Status -ne 'StopPending') { $service.Stop() }
    $service.WaitForStatus('Stopped', [TimeSpan]::FromSeconds($TimeoutSeconds))
}

function Start-KbService {
    param([string]$Name, [int]$TimeoutSeconds = $script:KbServiceTimeoutSeconds)
    $service = Get-KbService -Name $Name
    if ($null -eq $service) { throw ('service ' + $Name + ' is not installed') }
    $service.Refresh()
    if ([string]$service.Status -eq 'Running') { return }
    if ([string]$service.Status -ne 'StartPending') { $service.Start() }
    $service.WaitForStatus('Running', [TimeSpan]::FromSeconds($TimeoutSeconds))
}

# ---- Programs (run, register-dlls): no shell, an argument string quoted for CommandLineToArgvW ----

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
