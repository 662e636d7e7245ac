# ---- steps/register-dlls.ps1: regsvr32 /s for each DLL (never /u); one-shot, behind its guard ----
# A DLL whose file is missing on this Windows is skipped and named (gpkcsp, sccbase and slbcsp
# are gone after XP/2003). Each DLL is registered by the regsvr32 of its own bitness, read from
# its PE header (pe-image.ps1). An exit code outside SuccessCodes fails the step; with
# AllowNotSelfRegistering, exit code 4 (no DllRegisterServer) is reported instead. regsvr32 is a
# GUI program, so it is started as a process and waited for (with a timeout), not called with &.

$script:KbRegisterTimeoutSeconds = 60

$script:KbRegsvr32Meaning = @{ 1 = 'bad command line'; 2 = 'OleInitialize failed'; 3 = 'the DLL failed to load'; 4 = 'no DllRegisterServer: not self-registering'; 5 = 'DllRegisterServer failed' }

function Get-KbRegsvr32ExitText {
    # 'exit code 3 (the DLL failed to load)'; regsvr32's codes are for diagnosis only (docs/kb-facts.md#regsvr32).
    param([int]$ExitCode)
    $text = 'exit code ' + $ExitCode
    if ($script:KbRegsvr32Meaning.ContainsKey($ExitCode)) { $text += ' (' + $script:KbRegsvr32Meaning[$ExitCode] + ')' }
    return $text
}

function Register-KbDll {
    # @{ Outcome = 'registered'|'not-self-registering'|'failed'; Text = what went wrong }.
    param([hashtable]$Dll, [int[]]$SuccessCodes, [bool]$AllowNotSelfRegistering)
    if ($Dll['Problem'].Length -gt 0) { return @{ Outcome = 'failed'; Text = $Dll['Problem'] } }
    $run = Invoke-KbProcess -FilePath $Dll['Tool'] -Arguments @('/s', $Dll['Argument']) -TimeoutSeconds $script:KbRegisterTimeoutSeconds
    if ($run.TimedOut) { return @{ Outcome = 'failed'; Text = ('timed out after ' + $script:KbRegisterTimeoutSeconds + ' s') } }
    if ($SuccessCodes -contains $run.ExitCode) { return @{ Outcome = 'registered'; Text = '' } }
    $text = Get-KbRegsvr32ExitText -ExitCode $run.ExitCode
    if ($AllowNotSelfRegistering -and $run.ExitCode -eq 4) { return @{ Outcome = 'not-self-registering'; Text = $text } }
    return @{ Outcome = 'failed'; Text = $text }
}

function Get-KbDllRegistration {
    # One present DLL: its bitness and the regsvr32 that registers it.
    param([string]$Path, [string]$ReadPath)
    $machine = ''
    try { $machine = Get-KbPeMachine -Path $ReadPath } catch { Write-KbLog ('cannot read the PE header of ' + $Path + ': ' + (Get-KbErrorText $_)) }
    $use = Get-KbRegsvr32For -Dll $Path -Machine $machine
    $label = [System.IO.Path]::GetFileName($Path)
    if ($machine.Length -eq 0) { $label += ' (bitness unknown)' } else { $label += ' (' + $machine + ')' }
    return @{ Path = $Path; Leaf = [System.IO.Path]::GetFileName($Path); Label = $label; Machine = $machine; Tool = $use['Tool']; Argument = $use['Dll']; Problem = $use['Problem'] }
}

function Expand-KbPathGroups {
    # The body writes the files of one folder as one group, @{ Base; Segments = <the folder>;
    # Leaves = <the file names> }: one path spec per file, in the order written (a copy of the
    # group, Base, Name and Resolver kept, with the file name added to its Segments).
    param([object[]]$Groups)
    foreach ($group in $Groups) {
        foreach ($leaf in $group['Leaves']) {
            $spec = $group.Clone()
            $spec['Segments'] = @($group['Segments']) + @($leaf)
            $spec
        }
    }
}

function Get-KbRegisterDllsPlan {
    # The DLLs whose files exist, each with its regsvr32; the missing ones are named in the
    # message. None left: ok. A 32-bit host reads System32 through Sysnative (no redirection).
    param([hashtable]$Step)
    $present = New-Object System.Collections.Generic.List[object]
    $missing = New-Object System.Collections.Generic.List[string]
    $wow64 = Test-KbNeeds64BitHost
    $specs = @(Expand-KbPathGroups -Groups $Step['Dlls'])
    foreach ($spec in $specs) {
        $dll = Resolve-KbPath -Spec $spec
        $readPath = $dll
        if ($wow64) { $readPath = ConvertTo-KbSysnativePath -Path $dll }
        if ([System.IO.File]::Exists($readPath)) { $present.Add((Get-KbDllRegistration -Path $dll -ReadPath $readPath)) } else { $missing.Add([System.IO.Path]::GetFileName($dll)) }
    }
    $note = ''
    if ($missing.Count -gt 0) { $note = 'not on this Windows, skipped: ' + ($missing.ToArray() -join ', ') }
    $labels = @($present.ToArray() | ForEach-Object { $_['Label'] })
    $plan = @{
        Target = Resolve-KbPath -Spec @{ Base = 'windir'; Segments = @('System32', 'regsvr32.exe') }
        Action = 'Register with /s: ' + ($labels -join ', ')
        Before = [string]$specs.Count + ' DLLs'
        After = [string]$present.Count + ' registered'
        AfterValue = [ordered]@{ registered = @($present.ToArray() | ForEach-Object { $_['Path'] }); missing = @($missing.ToArray()) }
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
    $notSelf = New-Object System.Collections.Generic.List[string]
    $failures = New-Object System.Collections.Generic.List[string]
    foreach ($dll in $Plan['Dlls']) {
        $outcome = Register-KbDll -Dll $dll -SuccessCodes $Step['SuccessCodes'] -AllowNotSelfRegistering $Step['AllowNotSelfRegistering']
        if ($outcome['Outcome'] -eq 'registered') { $registered.Add($dll['Leaf']); continue }
        if ($outcome['Outcome'] -eq 'not-self-registering') { $notSelf.Add($dll['Leaf']); continue }
        $failures.Add($dll['Label'] + ': ' + $outcome['Text'])
    }
    $message = New-Object System.Collections.Generic.List[string]
    if ($registered.Count -gt 0) { $message.Add('registered: ' + ($registered.ToArray() -join ', ')) }
    if ($notSelf.Count -gt 0) { $message.Add('not self-registering (allowed): ' + ($notSelf.ToArray() -join ', ')) }
    if ($Plan['Note'].Length -gt 0) { $message.Add($Plan['Note']) }
    $status = 'changed'
    if ($failures.Count -gt 0) {
        $status = 'failed'
        $message.Add('failed: ' + ($failures.ToArray() -join ', '))
    }
    $value = [ordered]@{ registered = @($registered.ToArray()); notSelfRegistering = @($notSelf.ToArray()); failed = @($failures.ToArray()) }
    return @{ Status = $status; After = ([string]$registered.Count + ' registered'); AfterValue = $value; Message = ($message.ToArray() -join '; ') }
}

function Invoke-KbRegisterDllsStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [object[]]$Dlls = @(),
        [int[]]$SuccessCodes = @(0),
        [bool]$AllowNotSelfRegistering = $false,
        [scriptblock]$Verify = $null
    )
    if ($null -eq $SuccessCodes -or $SuccessCodes.Count -eq 0) { $SuccessCodes = @(0) }
    $step = @{ Dlls = $Dlls; SuccessCodes = $SuccessCodes; AllowNotSelfRegistering = $AllowNotSelfRegistering }
    $lifecycle = @{ Plan = ${function:Get-KbRegisterDllsPlan}; Act = ${function:Invoke-KbRegisterDllsAct} }
    Invoke-KbOneShotStep -Id $Id -Guard $Guard -Kind 'register DLLs' -Step $step -Verify $Verify @lifecycle
}
