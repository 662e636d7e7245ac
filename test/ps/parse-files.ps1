# Parses each file given with PowerShell's own parser and prints, as one JSON array, every file
# with its syntax errors (none is the goal) and the tokens that span lines. One process for all
# files: start-up is the cost.
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
        # Tokens that run over a line end (a here-string, a multi-line string, a block comment):
        # inside them a line's leading spaces are content, not indentation.
        spanning = @($tokens | Where-Object {
                $_.Kind -ne 'NewLine' -and $_.Extent.StartLineNumber -ne $_.Extent.EndLineNumber
            } | ForEach-Object { [ordered]@{ line = $_.Extent.StartLineNumber; kind = [string]$_.Kind } })
    }
}
ConvertTo-Json -InputObject @($results) -Depth 4 -Compress
