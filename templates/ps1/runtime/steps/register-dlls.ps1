# ---- steps/register-dlls.ps1: regsvr32 /s for each DLL (never /u); one-shot, behind its guard ----
# A DLL whose file is missing on this Windows is skipped and named (gpkcsp, sccbase and slbcsp
# are gone after XP/2003). Any exit code other than 0 fails the step. regsvr32 is a GUI program,
# so it is started as a process and waited for (with a timeout), not called with the & operator.

$script:KbRegisterTimeoutSeconds = 60

function Register-KbDll {
    # Returns '' when registered, else what went wrong.
    param([string]$Tool, [string]$Dll)
    $run = Invoke-KbProcess -FilePath $Tool -Arguments @('/s', $Dll) -TimeoutSeconds $script:KbRegisterTimeoutSeconds
    if ($run.TimedOut) { return ('timed out after ' + $script:KbRegisterTimeoutSeconds + ' s') }
    if ($run.ExitCode -ne 0) { return ('exit code ' + $run.ExitCode) }
    return ''
}

function Get-KbRegisterDllsPlan {
    # The DLLs whose files exist; the missing ones are named in the message. None left: ok.
    param([hashtable]$Step)
    $present = New-Object System.Collections.Generic.List[string]
    $missing = New-Object System.Collections.Generic.List[string]
    foreach ($spec in $Step['Dlls']) {
        $dll = Resolve-KbPath -Spec $spec
        if ([System.IO.File]::Exists($dll)) { $present.Add($dll) } else { $missing.Add([System.IO.Path]::GetFileName($dll)) }
    }
    $note = ''
    if ($missing.Count -gt 0) { $note = 'not on this Windows, skipped: ' + ($missing.ToArray() -join ', ') }
    $plan = @{
        Target = Resolve-KbPath -Spec @{ Base = 'windir'; Segments = @('System32', 'regsvr32.exe') }
        Action = 'Register with /s: ' + (@($present.ToArray() | ForEach-Object { [System.IO.Path]::GetFileName($_) }) -join ', ')
        Before = [string](@($Step['Dlls']).Count) + ' DLLs'
        After = [string]$present.Count + ' registered'
        AfterValue = [ordered]@{ registered = @($present.ToArray()); missing = @($missing.ToArray()) }
        Dlls = $present.ToArray()
        Note = $note
    }
    if ($present.Count -eq 0) {
        $plan['After'] = '0 registered'
        $plan['Stop'] = @{ Status = 'ok'; Message = $note }
    }
    return $plan
}

function Invoke-KbRegisterDllsAct {
    # Every DLL, even after one fails; the step fails when any did.
    param([hashtable]$Step, [hashtable]$Plan)
    $registered = New-Object System.Collections.Generic.List[string]
    $failures = New-Object System.Collections.Generic.List[string]
    foreach ($dll in $Plan['Dlls']) {
        $leaf = [System.IO.Path]::GetFileName($dll)
        $problem = Register-KbDll -Tool $Plan['Target'] -Dll $dll
        if ($problem.Length -eq 0) { $registered.Add($leaf) } else { $failures.Add($leaf + ' (' + $problem + ')') }
    }
    $message = New-Object System.Collections.Generic.List[string]
    if ($registered.Count -gt 0) { $message.Add('registered: ' + ($registered.ToArray() -join ', ')) }
    if ($Plan['Note'].Length -gt 0) { $message.Add($Plan['Note']) }
    $status = 'changed'
    if ($failures.Count -gt 0) {
        $status = 'failed'
        $message.Add('failed: ' + ($failures.ToArray() -join ', '))
    }
    $value = [ordered]@{ registered = @($registered.ToArray()); failed = @($failures.ToArray()) }
    return @{ Status = $status; After = ([string]$registered.Count + ' registered'); AfterValue = $value; Message = ($message.ToArray() -join '; ') }
}

function Invoke-KbRegisterDllsStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [object[]]$Dlls = @(),
        [scriptblock]$Verify = $null
    )
    $lifecycle = @{ Plan = ${function:Get-KbRegisterDllsPlan}; Act = ${function:Invoke-KbRegisterDllsAct} }
    Invoke-KbOneShotStep -Id $Id -Guard $Guard -Kind 'register DLLs' -Step @{ Dlls = $Dlls } -Verify $Verify @lifecycle
}
