# Runs emitted scripts on the simulated Windows, one job after another in this process (one
# PowerShell start per batch). Each job: load its world, run the script unchanged with its
# parameters, save the world, and write what the script did to <world>.run.json: the exit code
# read here, whole (Linux would cut a process exit code to 8 bits), stdout and error lines.
param([string]$Jobs, [string]$World = '', [string]$Script = '', [string]$Parameters = '{}')

. $PSScriptRoot/install.ps1

function Invoke-KbSimJob {
    param([string]$World, [string]$Script, [hashtable]$Parameters)
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
    $run = [ordered]@{ exitCode = $code; stdout = $output.ToArray(); errors = $errors.ToArray() }
    $global:KbReal.File::WriteAllText($World + '.run.json', (ConvertTo-Json -InputObject $run -Depth 4))
    $global:KbReal.File::WriteAllText($World + '.exit', [string]$code)
}

if ($Jobs -ne '') {
    foreach ($job in ($global:KbReal.File::ReadAllText($Jobs) | ConvertFrom-Json -AsHashtable)) {
        Invoke-KbSimJob -World $job['world'] -Script $job['script'] -Parameters $job['parameters']
    }
} else {
    Invoke-KbSimJob -World $World -Script $Script -Parameters ($Parameters | ConvertFrom-Json -AsHashtable)
}
exit 0
