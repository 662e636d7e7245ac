# The 64-bit Windows PowerShell that a 32-bit run relaunches itself in (Sysnative): a second
# simulated process on the same world, 64-bit this time, whose exit code comes back whole.

function global:Invoke-KbSimHost64 {
    $arguments = @($args | ForEach-Object { $_ })
    Add-KbSimCall @{ program = 'powershell.exe (64-bit host)'; arguments = ($arguments -join ' ') }
    $file = [array]::IndexOf($arguments, '-File')
    if ($file -lt 0) { throw 'simulated 64-bit host: no -File' }
    $script = [string]$arguments[$file + 1]
    $bound = [ordered]@{}
    for ($i = $file + 2; $i -lt $arguments.Count; $i++) {
        $name = ([string]$arguments[$i]).TrimStart('-')
        $next = if ($i + 1 -lt $arguments.Count) { [string]$arguments[$i + 1] } else { $null }
        if ($null -ne $next -and -not $next.StartsWith('-')) { $bound[$name] = $next; $i++ } else { $bound[$name] = $true }
    }
    # The child is 64-bit; this process stays 32-bit (a later job on this world starts 32-bit).
    $was = @{ Architecture = Get-KbSimEnvironmentVariable 'PROCESSOR_ARCHITECTURE'; Wow64 = Get-KbSimEnvironmentVariable 'PROCESSOR_ARCHITEW6432' }
    $os = Get-KbSimSection 'os'
    $os['is64BitProcess'] = $true
    Set-KbSimEnvironmentVariable 'PROCESSOR_ARCHITECTURE' (Get-KbSimEnvironmentVariable 'PROCESSOR_ARCHITEW6432')
    Set-KbSimEnvironmentVariable 'PROCESSOR_ARCHITEW6432' ''
    Save-KbSimWorld
    $launcher = @($global:KbSim.World['host']['pwsh'])
    $runner = [string]$global:KbSim.World['host']['runner']
    $parameters = ConvertTo-Json -InputObject $bound -Compress
    $launcherArgs = @($launcher | Select-Object -Skip 1)
    $null = & $launcher[0] @launcherArgs -NoProfile -NonInteractive -File $runner -World $global:KbSim.Path -Script $script -Parameters $parameters
    Read-KbSimWorld -Path $global:KbSim.Path
    (Get-KbSimSection 'os')['is64BitProcess'] = $false
    Set-KbSimEnvironmentVariable 'PROCESSOR_ARCHITECTURE' $was.Architecture
    Set-KbSimEnvironmentVariable 'PROCESSOR_ARCHITEW6432' $was.Wow64
    $child = $global:KbReal.File::ReadAllText($global:KbSim.Path + '.run.json') | ConvertFrom-Json
    $child.stdout
    $global:LASTEXITCODE = [int]$child.exitCode
}
