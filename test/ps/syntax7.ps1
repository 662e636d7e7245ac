# Syntax that Windows PowerShell 5.1 rejects or reads differently, found in the AST and the tokens
# of PowerShell 7's parser (which accepts all of it). Dot-sourced by ast-surface.ps1:
# Find-Syntax7Nodes for AST nodes, Find-Syntax7Tokens for a script's tokens.

# Automatic and preference variables that only PowerShell 6+ defines (5.1 reads them as $null).
$script:Syntax7Variables = @('PSStyle', 'IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'EnabledExperimentalFeatures',
    'PSNativeCommandArgumentPassing', 'PSNativeCommandUseErrorActionPreference')
# Numeric literal values 5.1 can produce; the 6.2+ suffixes (u, y, s, us, ul, n) give other types.
$script:Syntax7NumberTypes = @([int], [long], [decimal], [double])

function New-Syntax7Hit {
    param([string]$Construct, [object]$Extent)
    $text = $Extent.Text
    if ($text.Length -gt 60) { $text = $text.Substring(0, 57) + '...' }
    return [ordered]@{ construct = $Construct; line = $Extent.StartLineNumber; column = $Extent.StartColumnNumber; text = $text }
}

function Get-Syntax7AstConstruct {
    # The 7-only construct this node is, or $null.
    param([System.Management.Automation.Language.Ast]$Node)
    $ns = 'System.Management.Automation.Language'
    $kinds = [System.Management.Automation.Language.TokenKind]
    if ($Node -is [System.Management.Automation.Language.TernaryExpressionAst]) { return 'ternary ?:' }
    if ($Node -is [System.Management.Automation.Language.PipelineChainAst]) {
        if ($Node.Operator -eq $kinds::AndAnd) { return 'pipeline chain &&' }
        return 'pipeline chain ||'
    }
    if ($Node -is [System.Management.Automation.Language.BinaryExpressionAst]) {
        if ($Node.Operator -eq $kinds::QuestionQuestion) { return 'null-coalescing ??' }
        if ($Node.Operator -in @($kinds::Ireplace, $kinds::Creplace) -and $Node.Right -is [System.Management.Automation.Language.ArrayLiteralAst] -and
            @($Node.Right.Elements)[-1] -is [System.Management.Automation.Language.ScriptBlockExpressionAst]) { return '-replace with a scriptblock' }
        if ($Node.Operator -eq $kinds::DotDot) {
            foreach ($side in @($Node.Left, $Node.Right)) {
                if ($side -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $side.Value -notmatch '^\s*-?\d+\s*$') { return 'character range' }
            }
        }
    }
    if ($Node -is [System.Management.Automation.Language.AssignmentStatementAst] -and $Node.Operator -eq $kinds::QuestionQuestionEquals) { return 'null-coalescing assignment ??=' }
    if ($Node -is [System.Management.Automation.Language.MemberExpressionAst] -and $Node.NullConditional) { return 'null-conditional ?.' }
    if ($Node -is [System.Management.Automation.Language.IndexExpressionAst] -and $Node.NullConditional) { return 'null-conditional ?[]' }
    if ($Node -is [System.Management.Automation.Language.InvokeMemberExpressionAst] -and $null -ne $Node.GenericTypeArguments -and
        $Node.GenericTypeArguments.Count -gt 0) { return 'generic method call' }
    if ($Node -is [System.Management.Automation.Language.PipelineAst] -and $Node.Background) { return 'background operator &' }
    if ($Node -is [System.Management.Automation.Language.ScriptBlockAst] -and $null -ne $Node.CleanBlock) { return 'clean block' }
    if ($Node -is [System.Management.Automation.Language.VariableExpressionAst] -and -not $Node.VariablePath.IsDriveQualified) {
        $name = $Node.VariablePath.UserPath -replace '^(global|script|local|private|using):', ''
        if ($script:Syntax7Variables -contains $name) { return ('$' + $name) }
    }
    if ($Node -is [System.Management.Automation.Language.CommandAst] -and @('ForEach-Object', 'foreach', '%') -contains $Node.GetCommandName()) {
        foreach ($element in $Node.CommandElements) {
            if ($element -is [System.Management.Automation.Language.CommandParameterAst] -and $element.ParameterName.Length -ge 2 -and
                'parallel'.StartsWith($element.ParameterName.ToLowerInvariant())) { return 'ForEach-Object -Parallel' }
        }
    }
    return $null
}

function Get-Syntax7Escape {
    # `e and `u{...} in an expandable string or bareword: 6.0+ escapes (5.1 reads `e as 'e').
    # Text inside nested tokens ($(...) in a string) is scanned as its own token, not here.
    param([System.Management.Automation.Language.Token]$Token)
    $text = $Token.Text
    $skip = New-Object 'System.Collections.Generic.List[int[]]'
    if ($Token -is [System.Management.Automation.Language.StringExpandableToken] -and $null -ne $Token.NestedTokens) {
        foreach ($nested in $Token.NestedTokens) {
            $skip.Add(@(($nested.Extent.StartOffset - $Token.Extent.StartOffset), ($nested.Extent.EndOffset - $Token.Extent.StartOffset)))
        }
    }
    for ($i = 0; $i -lt $text.Length - 1; $i++) {
        $inside = $false
        foreach ($range in $skip) { if ($i -ge $range[0] -and $i -lt $range[1]) { $inside = $true } }
        if ($inside -or $text[$i] -ne '`') { continue }
        $next = $text[$i + 1]
        if ($next -ceq 'e') { return 'escape `e' }
        if ($next -ceq 'u' -and $i + 2 -lt $text.Length -and $text[$i + 2] -eq '{') { return 'escape `u{}' }
        $i++
    }
    return $null
}

function Get-Syntax7Tokens {
    # Every token, nested ones ($(...) inside strings) included, in order.
    param([object[]]$Tokens)
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($token in $Tokens) {
        $list.Add($token)
        if ($token -is [System.Management.Automation.Language.StringExpandableToken] -and $null -ne $token.NestedTokens) {
            $list.AddRange([object[]](Get-Syntax7Tokens -Tokens @($token.NestedTokens)))
        }
    }
    return , $list.ToArray()
}

function Find-Syntax7Nodes {
    # The 7-only constructs among these nodes (20,000+ in a script: cheap tests first).
    param([object[]]$AllNodes)
    $kinds = [System.Management.Automation.Language.TokenKind]
    $operators = @($kinds::QuestionQuestion, $kinds::Ireplace, $kinds::Creplace, $kinds::DotDot)
    foreach ($node in $AllNodes) {
        # Most nodes fail these tests; only the rest pay for a function call.
        $maybe = switch ($node.GetType().Name) {
            'TernaryExpressionAst' { $true }
            'PipelineChainAst' { $true }
            'BinaryExpressionAst' { $operators -contains $node.Operator }
            'AssignmentStatementAst' { $node.Operator -eq $kinds::QuestionQuestionEquals }
            'MemberExpressionAst' { $node.NullConditional }
            'InvokeMemberExpressionAst' { $node.NullConditional -or $null -ne $node.GenericTypeArguments }
            'IndexExpressionAst' { $node.NullConditional }
            'PipelineAst' { $node.Background }
            'ScriptBlockAst' { $null -ne $node.CleanBlock }
            'VariableExpressionAst' { $script:Syntax7Variables -contains ($node.VariablePath.UserPath -replace '^\w+:', '') }
            'CommandAst' { @('ForEach-Object', 'foreach', '%') -contains $node.GetCommandName() }
            default { $false }
        }
        if (-not $maybe) { continue }
        $construct = Get-Syntax7AstConstruct $node
        if ($null -ne $construct) { New-Syntax7Hit $construct $node.Extent }
    }
}

function Find-Syntax7Tokens {
    # Escapes, numeric literals and leading pipes, which only the tokens show.
    param([object[]]$Tokens)
    $kind = [System.Management.Automation.Language.TokenKind]
    $strings = @($kind::StringExpandable, $kind::HereStringExpandable, $kind::Generic)
    $previous = $null
    foreach ($token in (Get-Syntax7Tokens -Tokens $Tokens)) {
        $construct = $null
        if ($token.Kind -eq $kind::Number) {
            if ($token.Text -match '^0[bB]') { $construct = 'binary literal 0b' }
            elseif ($script:Syntax7NumberTypes -notcontains $token.Value.GetType()) { $construct = 'numeric literal of type ' + $token.Value.GetType().Name }
        } elseif ($token.Kind -eq $kind::Pipe) {
            if ($null -ne $previous -and $previous.Kind -eq $kind::NewLine) { $construct = 'pipe at the start of a line' }
        } elseif ($strings -contains $token.Kind -and $token.Text.IndexOf([char]96) -ge 0) {
            $construct = Get-Syntax7Escape $token
        }
        if ($null -ne $construct) { New-Syntax7Hit $construct $token.Extent }
        if ($token.Kind -ne $kind::Comment) { $previous = $token }
    }
}
