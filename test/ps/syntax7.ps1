# Syntax that Windows PowerShell 5.1 rejects or reads differently, found in the AST of PowerShell
# 7's parser (which accepts all of it). Dot-sourced by ast-surface.ps1, which calls
# Find-Syntax7Nodes with every node of a piece of script.

# Automatic and preference variables that only PowerShell 6+ defines (5.1 reads them as $null).
$script:Syntax7Variables = @('PSStyle', 'IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'EnabledExperimentalFeatures',
    'PSNativeCommandArgumentPassing', 'PSNativeCommandUseErrorActionPreference')
# Numeric literal values 5.1 can produce; the 6.2+ suffixes (u, y, s, us, ul, n) give other types.
$script:Syntax7NumberTypes = @([int], [long], [decimal], [double])

function New-Syntax7Hit {
    param([string]$Construct, [object]$Extent)
    $text = $Extent.Text -replace '\s+', ' '
    if ($text.Length -gt 60) { $text = $text.Substring(0, 57) + '...' }
    return [ordered]@{ construct = $Construct; line = $Extent.StartLineNumber; column = $Extent.StartColumnNumber; text = $text }
}

function Get-Syntax7Escape {
    # `e and `u{...} in a double-quoted string or a bareword: 6.0+ escapes (5.1 reads `e as 'e').
    # The $(...) parts of a string are nodes of their own, scanned separately, so they are skipped.
    param([System.Management.Automation.Language.Ast]$Node)
    $text = $Node.Extent.Text
    $start = $Node.Extent.StartOffset
    $skip = @()
    if ($Node -is [System.Management.Automation.Language.ExpandableStringExpressionAst]) {
        $skip = @($Node.NestedExpressions | ForEach-Object { , @(($_.Extent.StartOffset - $start), ($_.Extent.EndOffset - $start)) })
    }
    for ($i = 0; $i -lt $text.Length - 1; $i++) {
        if ($text[$i] -ne '`') { continue }
        $inside = $false
        foreach ($range in $skip) { if ($i -ge $range[0] -and $i -lt $range[1]) { $inside = $true } }
        if ($inside) { continue }
        $next = $text[$i + 1]
        if ($next -ceq 'e') { return 'escape `e' }
        if ($next -ceq 'u' -and $i + 2 -lt $text.Length -and $text[$i + 2] -eq '{') { return 'escape `u{}' }
        $i++
    }
    return $null
}

function Get-Syntax7LeadingPipe {
    # A pipe that starts a line (7.0+): between two pipeline elements, a line break comes before
    # the '|' with nothing but spaces between them (a backtick continuation is 5.1 syntax).
    param([System.Management.Automation.Language.PipelineAst]$Node)
    $elements = $Node.PipelineElements
    $source = $Node.Extent.Text
    $origin = $Node.Extent.StartOffset
    for ($i = 1; $i -lt $elements.Count; $i++) {
        $from = $elements[$i - 1].Extent.EndOffset - $origin
        $gap = $source.Substring($from, $elements[$i].Extent.StartOffset - $origin - $from)
        if ($gap -match '(^|[^`])\r?\n[ \t]*\|') { return $elements[$i] }
    }
    return $null
}

function Get-Syntax7Hit {
    # The 7-only construct this node is, as a hit, or $null.
    param([System.Management.Automation.Language.Ast]$Node)
    $kinds = [System.Management.Automation.Language.TokenKind]
    $construct = $null
    switch ($Node.GetType().Name) {
        'TernaryExpressionAst' { $construct = 'ternary ?:' }
        'PipelineChainAst' {
            $construct = 'pipeline chain ||'
            if ($Node.Operator -eq $kinds::AndAnd) { $construct = 'pipeline chain &&' }
        }
        'BinaryExpressionAst' {
            if ($Node.Operator -eq $kinds::QuestionQuestion) { $construct = 'null-coalescing ??' }
            elseif ($Node.Operator -in @($kinds::Ireplace, $kinds::Creplace) -and $Node.Right -is [System.Management.Automation.Language.ArrayLiteralAst] -and
                @($Node.Right.Elements)[-1] -is [System.Management.Automation.Language.ScriptBlockExpressionAst]) { $construct = '-replace with a scriptblock' }
            elseif ($Node.Operator -eq $kinds::DotDot) {
                foreach ($side in @($Node.Left, $Node.Right)) {
                    if ($side -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $side.Value -notmatch '^\s*-?\d+\s*$') { $construct = 'character range' }
                }
            }
        }
        'AssignmentStatementAst' { if ($Node.Operator -eq $kinds::QuestionQuestionEquals) { $construct = 'null-coalescing assignment ??=' } }
        'MemberExpressionAst' { if ($Node.NullConditional) { $construct = 'null-conditional ?.' } }
        'InvokeMemberExpressionAst' {
            if ($Node.NullConditional) { $construct = 'null-conditional ?.' }
            elseif ($null -ne $Node.GenericTypeArguments -and $Node.GenericTypeArguments.Count -gt 0) { $construct = 'generic method call' }
        }
        'IndexExpressionAst' { if ($Node.NullConditional) { $construct = 'null-conditional ?[]' } }
        'ScriptBlockAst' { if ($null -ne $Node.CleanBlock) { $construct = 'clean block' } }
        'VariableExpressionAst' {
            $name = $Node.VariablePath.UserPath -replace '^(global|script|local|private|using):', ''
            if (-not $Node.VariablePath.IsDriveQualified -and $script:Syntax7Variables -contains $name) { $construct = '$' + $name }
        }
        'CommandAst' {
            foreach ($element in $Node.CommandElements) {
                if ($element -is [System.Management.Automation.Language.CommandParameterAst] -and $element.ParameterName.Length -ge 2 -and
                    'parallel'.StartsWith($element.ParameterName.ToLowerInvariant())) { $construct = 'ForEach-Object -Parallel' }
            }
        }
        'ConstantExpressionAst' {
            if ($Node.Extent.Text -match '^0[bB]') { $construct = 'binary literal 0b' }
            elseif ($null -ne $Node.Value -and $script:Syntax7NumberTypes -notcontains $Node.Value.GetType()) {
                $construct = 'numeric literal of type ' + $Node.Value.GetType().Name
            }
        }
        'PipelineAst' {
            if ($Node.Background) { $construct = 'background operator &' }
            else {
                $element = Get-Syntax7LeadingPipe $Node
                if ($null -ne $element) { return (New-Syntax7Hit 'pipe at the start of a line' $element.Extent) }
            }
        }
        default { $construct = Get-Syntax7Escape $Node }
    }
    if ($null -eq $construct) { return $null }
    return (New-Syntax7Hit $construct $Node.Extent)
}

function Find-Syntax7Nodes {
    # The 7-only constructs among these nodes (15,000+ in a script: cheap tests first, so that
    # only a few nodes pay for a function call).
    param([object[]]$AllNodes)
    $kinds = [System.Management.Automation.Language.TokenKind]
    $operators = @($kinds::QuestionQuestion, $kinds::Ireplace, $kinds::Creplace, $kinds::DotDot)
    $escaping = @('DoubleQuoted', 'DoubleQuotedHereString', 'BareWord')
    foreach ($node in $AllNodes) {
        $maybe = switch ($node.GetType().Name) {
            'TernaryExpressionAst' { $true }
            'PipelineChainAst' { $true }
            'BinaryExpressionAst' { $operators -contains $node.Operator }
            'AssignmentStatementAst' { $node.Operator -eq $kinds::QuestionQuestionEquals }
            'MemberExpressionAst' { $node.NullConditional }
            'InvokeMemberExpressionAst' { $node.NullConditional -or $null -ne $node.GenericTypeArguments }
            'IndexExpressionAst' { $node.NullConditional }
            'PipelineAst' { $node.Background -or $node.PipelineElements.Count -gt 1 }
            'ScriptBlockAst' { $null -ne $node.CleanBlock }
            'VariableExpressionAst' { $script:Syntax7Variables -contains ($node.VariablePath.UserPath -replace '^\w+:', '') }
            'CommandAst' { @('ForEach-Object', 'foreach', '%') -contains $node.GetCommandName() }
            'ConstantExpressionAst' { $null -ne $node.Value -and $script:Syntax7NumberTypes -notcontains $node.Value.GetType() -or $node.Extent.Text -match '^0[bB]' }
            'StringConstantExpressionAst' { $escaping -contains $node.StringConstantType -and $node.Extent.Text.IndexOf([char]96) -ge 0 }
            'ExpandableStringExpressionAst' { $node.Extent.Text.IndexOf([char]96) -ge 0 }
            default { $false }
        }
        if (-not $maybe) { continue }
        $hit = Get-Syntax7Hit $node
        if ($null -ne $hit) { $hit }
    }
}
