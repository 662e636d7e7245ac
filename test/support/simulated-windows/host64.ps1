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
    $os = Get-KbSimSection 'os'
    $os['is64BitProcess'] = $true
    Set-KbSimEnvironmentVariable 'PROCESSOR_ARCHITECTURE' (Get-KbSimEnvironmentVariable 'PROCESSOR_ARCHITEW6432')
    Set-KbSimEnvironmentVariable 'PROCESSOR_ARCHITEW6432' ''
    Save-KbSimWorld
    $launcher = @($global:KbSim.World['host']['pwsh'])
    $runner = [string]$global:KbSim.World['host']['runner']
    $parameters = ConvertTo-Json -InputObject $bound -Compress
    $launcherArgs = @($launcher | Select-Object -Skip 1)
    $output = & $launcher[0] @launcherArgs -NoProfile -NonInteractive -File $runner -World $global:KbSim.Path -Script $script -Parameters $parameters
    Read-KbSimWorld -Path $global:KbSim.Path
    $output
    $global:LASTEXITCODE = [int]$global:KbReal.File::ReadAllText($global:KbSim.Path + '.exit')
}
