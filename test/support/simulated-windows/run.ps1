# Runs emitted scripts on the simulated Windows, one job after another in this process (one
# PowerShell start per batch; with -Serve, per test file: each stdin line names a jobs file,
# answered by 'KBSIM-DONE <file>' on stdout). Each job: load its world, run the script unchanged with its
# parameters, save the world, and write what the script did to <world>.run.json: the exit code
# read here, whole (Linux would cut a process exit code to 8 bits), stdout and error lines.
param([switch]$Serve, [string]$Jobs = '', [string]$World = '', [string]$Script = '', [string]$Parameters = '{}')

. $PSScriptRoot/install.ps1

function Invoke-KbSimJob {
    param([string]$World, [string]$Script, [hashtable]$Parameters, [string]$Report = ($World + '.run.json'))
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    Use-KbSimWorld -Path $World
    $global:LASTEXITCODE = 0
    $output = New-Object System.Collections.Generic.List[string]
    $errors = New-Object System.Collections.Generic.List[string]
    $code = $null
    try {
        foreach ($item in (& $Script @Parameters 2>&1 6>&1)) {
            if ($item -is [System.Management.Automation.ErrorRecord]) { $errors.Add([string]$item) } else { $output.Add([string]$item) }
        }
        $code = $global:LASTEXITCODE
    } catch {
        $errors.Add('the script threw: ' + $_ + ' at ' + $_.ScriptStackTrace)
    }
    Save-KbSimWorld
    $run = [ordered]@{ exitCode = $code; stdout = $output.ToArray(); errors = $errors.ToArray(); milliseconds = $clock.ElapsedMilliseconds }
    $global:KbReal.File::WriteAllText($Report, (ConvertTo-Json -InputObject $run -Depth 4))
}

function Invoke-KbSimJobs {
    param([string]$Path)
    foreach ($job in ($global:KbReal.File::ReadAllText($Path) | ConvertFrom-Json -AsHashtable)) {
        Invoke-KbSimJob -World $job['world'] -Script $job['script'] -Parameters $job['parameters'] -Report $job['report']
    }
}

if ($Serve) {
    while ($null -ne ($line = [Console]::In.ReadLine())) {
        try { Invoke-KbSimJobs -Path $line } catch { [Console]::Error.WriteLine('simulated Windows: ' + $_) }
        [Console]::Out.WriteLine('KBSIM-DONE ' + $line)
        [Console]::Out.Flush()
    }
} elseif ($Jobs -ne '') {
    Invoke-KbSimJobs -Path $Jobs
} else {
    Invoke-KbSimJob -World $World -Script $Script -Parameters ($Parameters | ConvertFrom-Json -AsHashtable)
}
exit 0
