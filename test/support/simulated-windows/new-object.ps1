# New-Object builds a simulated type (FileInfo, DirectoryInfo, ProcessStartInfo, ...) through
# its constructor directly: the cmdlet takes tens of milliseconds per PowerShell class object,
# and the runtime creates one per log line. Every other type goes to the real cmdlet.

function global:New-Object {
    param([Parameter(Position = 0)][string]$TypeName, [Parameter(Position = 1)][object[]]$ArgumentList)
    $type = $global:KbSimTypes[$TypeName]
    if ($null -ne $type) {
        if ($null -eq $ArgumentList) { return $type::new() }
        return $type::new.Invoke($ArgumentList)
    }
    Microsoft.PowerShell.Utility\New-Object @PSBoundParameters
}
