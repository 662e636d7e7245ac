# Parses each file given with PowerShell's own parser and prints, as one JSON array, every file
# with its syntax errors (none is the goal). One process for all files: start-up is the cost.
param([Parameter(ValueFromRemainingArguments = $true)][string[]]$Path = @())
$ErrorActionPreference = 'Stop'
$results = foreach ($file in $Path) {
    $tokens = $null
    $errors = $null
    $full = (Resolve-Path -LiteralPath $file).ProviderPath
    [void][System.Management.Automation.Language.Parser]::ParseFile($full, [ref]$tokens, [ref]$errors)
    [ordered]@{
        path = $file
        errors = @($errors | ForEach-Object {
                [ordered]@{ line = $_.Extent.StartLineNumber; column = $_.Extent.StartColumnNumber; message = $_.Message }
            })
    }
}
ConvertTo-Json -InputObject @($results) -Depth 4 -Compress
