# Replaces System.Diagnostics.Process and ProcessStartInfo. Programs are handlers in the world
# (programs.<leaf or full path>: exitCodes used in turn, the last repeating; stdout; hang;
# effects on the world); every start is recorded in calls. The program file must exist in the
# simulated tree, as CreateProcess needs it to.

class KbSimProcessStartInfo {
    [string]$FileName = ''
    [string]$Arguments = ''
    [string]$WorkingDirectory = ''
    [bool]$UseShellExecute = $true
    [bool]$CreateNoWindow
    [bool]$RedirectStandardOutput
    [bool]$RedirectStandardError
    KbSimProcessStartInfo() {}
}

class KbSimReader {
    [string]$Text
    KbSimReader([string]$text) { $this.Text = $text }
    [System.Threading.Tasks.Task[string]] ReadToEndAsync() { return [System.Threading.Tasks.Task]::FromResult($this.Text) }
    [string] ReadToEnd() { return $this.Text }
}

class KbSimProcess {
    [int]$ExitCode
    [bool]$HasExited
    [KbSimReader]$StandardOutput
    [KbSimReader]$StandardError
    hidden [bool]$Hangs
    static [KbSimProcess] Start([object]$info) { return (Start-KbSimProcess -Info $info) }
    [bool] WaitForExit([int]$milliseconds) { return (-not $this.Hangs) }
    [void] WaitForExit() { if ($this.Hangs) { throw [System.InvalidOperationException]::new('simulated process never exits') } }
    [void] Kill() { $this.Hangs = $false; $this.ExitCode = -1; $this.HasExited = $true }
    [void] Dispose() {}
}

function global:Get-KbSimProgram {
    param([string]$FileName)
    $programs = Get-KbSimSection 'programs'
    $key = Get-KbSimKey $FileName
    $leaf = [KbSimPath]::GetFileName($key)
    foreach ($name in $programs.Keys) { if ($name.ToLowerInvariant() -eq $key) { return $programs[$name] } }
    foreach ($name in $programs.Keys) { if ($name.ToLowerInvariant() -eq $leaf) { return $programs[$name] } }
    return $null
}

function global:Invoke-KbSimEffects {
    # What a program does to the machine: registry values and service states.
    param([object[]]$Effects)
    foreach ($effect in $Effects) {
        if ($null -eq $effect) { continue }
        if ($effect['registry']) {
            $key = [KbSimRegistry]::LocalMachine.CreateSubKey([string]$effect['registry'])
            $data = $effect['data']
            if ([string]$effect['kind'] -eq 'Binary') { $data = [byte[]][System.Convert]::FromHexString([string]$data) }
            $key.SetValue([string]$effect['name'], $data, [Microsoft.Win32.RegistryValueKind]([string]$effect['kind']))
        }
        if ($effect['service']) { (Get-KbSimServiceRecord ([string]$effect['service'])).Record['status'] = [string]$effect['status'] }
        if ($effect['deleteFile']) { [KbSimFile]::Delete([string]$effect['deleteFile']) }
    }
}

function global:Start-KbSimProcess {
    param([object]$Info)
    if ($Info.UseShellExecute) { throw [System.InvalidOperationException]::new('simulated Windows: UseShellExecute is not simulated') }
    if (-not ($Info.FileName -match '^[A-Za-z]:\\') -or -not [KbSimFile]::Exists($Info.FileName)) {
        throw [System.ComponentModel.Win32Exception]::new(2, 'An error occurred trying to start process ''' + $Info.FileName + '''. The system cannot find the file specified.')
    }
    $program = Get-KbSimProgram $Info.FileName
    Add-KbSimCall @{ program = $Info.FileName; arguments = $Info.Arguments; workingDirectory = $Info.WorkingDirectory }
    if ($null -eq $program -and [KbSimPath]::GetFileName($Info.FileName) -ieq 'reg.exe') {
        # reg.exe acts on the simulated registry itself (hives.ps1), unless a test gives a handler.
        $reg = Invoke-KbSimReg -Arguments $Info.Arguments
        $process = [KbSimProcess]::new()
        $process.ExitCode = [int]$reg[0]
        $process.HasExited = $true
        $process.StandardOutput = [KbSimReader]::new([string]$reg[1])
        $process.StandardError = [KbSimReader]::new('')
        return $process
    }
    if ($null -eq $program) { throw [System.ComponentModel.Win32Exception]::new(193, 'simulated Windows: no handler for ' + $Info.FileName) }
    $codes = @($program['exitCodes'])
    $used = [int]$program['used']
    $program['used'] = $used + 1
    $process = [KbSimProcess]::new()
    $process.ExitCode = [int]$codes[[Math]::Min($used, $codes.Count - 1)]
    $process.Hangs = [bool]$program['hang']
    $process.HasExited = -not $process.Hangs
    $process.StandardOutput = [KbSimReader]::new([string]$program['stdout'])
    $process.StandardError = [KbSimReader]::new('')
    if (-not $process.Hangs) { Invoke-KbSimEffects -Effects @($program['effects']) }
    return $process
}
