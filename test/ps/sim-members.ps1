# Lists what the simulated Windows really replaces, for test/ps/sim-covers-surface.test.ts:
# each type name it answers to, with the members of its fake class, and the commands it shadows.
. $PSScriptRoot/../support/simulated-windows/install.ps1
$types = [ordered]@{}
foreach ($name in ($global:KbSimTypes.Keys | Sort-Object)) {
    $fake = $global:KbSimTypes[$name]
    $members = @($fake.GetMembers() | ForEach-Object { $_.Name }) + @('new')
    $types[$name] = @($members | Sort-Object -Unique)
}
$commands = @(Get-ChildItem function: | Where-Object { $_.Name -match '^[A-Z][a-z]+-[A-Z]' -and $_.Name -notmatch 'KbSim' } | ForEach-Object { $_.Name } | Sort-Object)
ConvertTo-Json -InputObject ([ordered]@{ types = $types; commands = $commands }) -Depth 4 -Compress
