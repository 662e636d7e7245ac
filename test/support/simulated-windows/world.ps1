# The simulated machine's state: one JSON world file per scenario, loaded into $global:KbSim.
# Everything the fakes change (registry, services, certificates, attributes, owners, calls)
# lives here and is saved back, so a test can diff the world before and after a run.

function global:Read-KbSimWorld {
    param([string]$Path)
    $world = $global:KbReal.File::ReadAllText($Path) | ConvertFrom-Json -AsHashtable
    $global:KbSim = @{
        Path = $Path
        World = $world
        Registry = (ConvertTo-KbSimRegistry -Friendly $world['registry'])
        Users = (ConvertTo-KbSimUsers -Friendly $world['users'])
        HiveHandles = @{}
    }
}

function global:Save-KbSimWorld {
    param([string]$Path = $global:KbSim.Path)
    $world = $global:KbSim.World
    $world['registry'] = ConvertFrom-KbSimRegistry -Store $global:KbSim.Registry
    $world['users'] = ConvertFrom-KbSimUsers -Users $global:KbSim.Users
    $json = ConvertTo-Json -InputObject $world -Depth 32
    $global:KbReal.File::WriteAllText($Path, $json)
}

function global:Get-KbSimSection {
    # A section of the world as a case-insensitive hashtable, created when missing.
    param([string]$Name)
    $world = $global:KbSim.World
    if ($null -eq $world[$Name]) { $world[$Name] = @{} }
    return $world[$Name]
}

function global:Add-KbSimCall {
    # Every process the script starts is recorded: the test reads these as the tool calls.
    param([hashtable]$Call)
    $calls = $global:KbSim.World['calls']
    if ($null -eq $calls) { $calls = @() }
    $global:KbSim.World['calls'] = @($calls) + @($Call)
}

function global:Get-KbSimFlag {
    # A fault injected by the scenario: faults.<kind> lists the names that fail.
    param([string]$Kind, [string]$Name)
    $faults = $global:KbSim.World['faults']
    if ($null -eq $faults -or $null -eq $faults[$Kind]) { return $false }
    foreach ($entry in @($faults[$Kind])) { if ([string]$entry -ieq $Name) { return $true } }
    return $false
}
