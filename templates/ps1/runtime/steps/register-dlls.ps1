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

function Invoke-KbRegisterDllsStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [object[]]$Dlls = @()
    )
    try {
        if (-not (Test-KbStepGuard -ResultId $Id -Guard $Guard)) { return }
        $regsvr32 = Resolve-KbPath -Spec @{ Base = 'windir'; Segments = @('System32', 'regsvr32.exe') }
        $registered = New-Object System.Collections.Generic.List[string]
        $missing = New-Object System.Collections.Generic.List[string]
        $failures = New-Object System.Collections.Generic.List[string]
        $wouldRegister = New-Object System.Collections.Generic.List[string]
        foreach ($spec in $Dlls) {
            $dll = Resolve-KbPath -Spec $spec
            $leaf = [System.IO.Path]::GetFileName($dll)
            if (-not [System.IO.File]::Exists($dll)) {
                $missing.Add($leaf)
                continue
            }
            if (-not $PSCmdlet.ShouldProcess($dll, 'regsvr32 /s')) {
                $wouldRegister.Add($leaf)
                continue
            }
            $problem = Register-KbDll -Tool $regsvr32 -Dll $dll
            if ($problem.Length -eq 0) { $registered.Add($leaf) } else { $failures.Add($leaf + ' (' + $problem + ')') }
        }
        $message = New-Object System.Collections.Generic.List[string]
        if ($registered.Count -gt 0) { $message.Add('registered: ' + ($registered.ToArray() -join ', ')) }
        if ($wouldRegister.Count -gt 0) { $message.Add('would register: ' + ($wouldRegister.ToArray() -join ', ')) }
        if ($missing.Count -gt 0) { $message.Add('not on this Windows, skipped: ' + ($missing.ToArray() -join ', ')) }
        if ($failures.Count -gt 0) { $message.Add('failed: ' + ($failures.ToArray() -join ', ')) }
        $text = $message.ToArray() -join '; '
        $before = [string](@($Dlls).Count) + ' DLLs'
        if ($failures.Count -gt 0) {
            Add-KbResult -Id $Id -Status 'failed' -Before $before -After ([string]$registered.Count + ' registered') -Message $text
        } elseif ($wouldRegister.Count -gt 0) {
            Add-KbResult -Id $Id -Status 'changed' -Before $before -After ([string]$wouldRegister.Count + ' registered') -Message $text -Simulated
        } elseif ($registered.Count -gt 0) {
            Add-KbResult -Id $Id -Status 'changed' -Before $before -After ([string]$registered.Count + ' registered') -Message $text
        } else {
            Add-KbResult -Id $Id -Status 'ok' -Before $before -After '0 registered' -Message $text
        }
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('register DLLs: ' + (Get-KbErrorText $_))
    }
}
