# What PowerShell scripts use, read from the real parser's AST: commands and their parameter
# names, types, New-Object types, static and instance members, the script's own functions, and
# syntax newer than Windows PowerShell 5.1 (syntax7.ps1). Prints one JSON array, one entry
# per script. Scripts come as path arguments, or (-Stdin) as a JSON array of { name, text }.
param([switch]$Stdin, [Parameter(ValueFromRemainingArguments = $true)][string[]]$Path = @())
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'syntax7.ps1')

# Every script carries the same runtime functions, so each top-level statement is scanned once
# (cached by its text) into "facts": tab-separated strings with the line relative to the
# statement. A script's surface is the union of its statements' facts. Loops in PowerShell are
# slow (a script has 15,000+ AST nodes), so the hot paths avoid function calls and -is chains.
$script:ScanGroups = @{
    FunctionDefinitionAst = 'Function'; CommandAst = 'Command'
    TypeExpressionAst = 'Type'; TypeConstraintAst = 'Type'; AttributeAst = 'Type'
    MemberExpressionAst = 'Member'; InvokeMemberExpressionAst = 'Member'
    AssignmentStatementAst = 'Assignment'
}
# FindAll with a .NET method as its predicate: a scriptblock predicate would run PowerShell
# code for every node. LanguagePrimitives.IsTrue is true for any node (an object, never null).
$script:ScanEveryNode = [Func[System.Management.Automation.Language.Ast, bool]][System.Management.Automation.LanguagePrimitives]::IsTrue
$script:ScanParts = @{}
$script:ScanResolved = @{}

function Get-ScanArgumentCount {
    # How many constructor arguments an -ArgumentList value holds: (a, b) is two, ($x) is one.
    param([System.Management.Automation.Language.Ast]$Value)
    if ($Value -is [System.Management.Automation.Language.ParenExpressionAst] -and
        $Value.Pipeline -is [System.Management.Automation.Language.PipelineAst] -and $Value.Pipeline.PipelineElements.Count -eq 1 -and
        $Value.Pipeline.PipelineElements[0] -is [System.Management.Automation.Language.CommandExpressionAst]) {
        $Value = $Value.Pipeline.PipelineElements[0].Expression
    }
    if ($Value -is [System.Management.Automation.Language.ArrayLiteralAst]) { return $Value.Elements.Count }
    return 1
}

function Get-ScanNewObjectFact {
    # New-Object's type (-TypeName, named or first positional) when it is a literal, and how many
    # constructor arguments it passes (-ArgumentList, named or second positional).
    param([System.Management.Automation.Language.CommandAst]$Command)
    $elements = $Command.CommandElements
    $positional = [System.Collections.Generic.List[object]]::new()
    $named = @{}
    for ($i = 1; $i -lt $elements.Count; $i++) {
        $element = $elements[$i]
        if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
            $value = $element.Argument
            if ($null -eq $value -and $i + 1 -lt $elements.Count) { $i++; $value = $elements[$i] }
            $name = $element.ParameterName.ToLowerInvariant()
            if ('typename'.StartsWith($name)) { $named['Type'] = $value }
            elseif ('argumentlist'.StartsWith($name) -or $name -eq 'args') { $named['Arguments'] = $value }
            continue
        }
        $positional.Add($element)
    }
    $type = $named['Type']
    if ($null -eq $type -and $positional.Count -gt 0) { $type = $positional[0]; $positional.RemoveAt(0) }
    $arguments = $named['Arguments']
    if ($null -eq $arguments -and $positional.Count -gt 0) { $arguments = $positional[0] }
    $typeName = '<dynamic>'
    if ($type -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $typeName = $type.Value }
    $count = 0
    if ($null -ne $arguments) { $count = Get-ScanArgumentCount $arguments }
    return ("newObject`t" + $typeName + "`t" + $count)
}

function Get-ScanHashtableKeys {
    param([System.Management.Automation.Language.HashtableAst]$Hashtable)
    foreach ($pair in $Hashtable.KeyValuePairs) {
        if ($pair.Item1 -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $pair.Item1.Value } else { '<dynamic>' }
    }
}

function Get-ScanHashtableVariable {
    # $name = @{ ... }: the variable's name and the hashtable, else $null.
    param([System.Management.Automation.Language.AssignmentStatementAst]$Node)
    if ($Node.Left -isnot [System.Management.Automation.Language.VariableExpressionAst]) { return $null }
    if ($Node.Right -isnot [System.Management.Automation.Language.CommandExpressionAst]) { return $null }
    if ($Node.Right.Expression -isnot [System.Management.Automation.Language.HashtableAst]) { return $null }
    return @($Node.Left.VariablePath.UserPath, $Node.Right.Expression)
}

function Get-ScanCommandFacts {
    param([System.Management.Automation.Language.CommandAst]$Node)
    $name = $Node.GetCommandName()
    if ($null -eq $name) {
        # & $program ...: what runs is only known at run time.
        $operator = '&'
        if ($Node.InvocationOperator -eq [System.Management.Automation.Language.TokenKind]::Dot) { $operator = '.' }
        return ("dynamic`t" + $operator + ' ' + $Node.CommandElements[0].Extent.Text)
    }
    "command`t" + $name
    $elements = $Node.CommandElements
    for ($i = 1; $i -lt $elements.Count; $i++) {
        $element = $elements[$i]
        if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
            "parameter`t" + $name + "`t" + $element.ParameterName
            # A hashtable argument (-FilterHashtable @{...} or a variable holding one): its keys.
            $argument = $element.Argument
            if ($null -eq $argument -and $i + 1 -lt $elements.Count) { $argument = $elements[$i + 1] }
            if ($argument -is [System.Management.Automation.Language.HashtableAst]) {
                foreach ($key in (Get-ScanHashtableKeys $argument)) { "hashtableKey`t" + $name + "`t" + $element.ParameterName + "`t" + $key }
            } elseif ($argument -is [System.Management.Automation.Language.VariableExpressionAst]) {
                "pending`t" + $name + "`t" + $element.ParameterName + "`t" + $argument.VariablePath.UserPath
            }
        } elseif ($element -is [System.Management.Automation.Language.VariableExpressionAst] -and $element.Splatted) { "splatted`t" + $name }
    }
    if ($name -eq 'New-Object') { Get-ScanNewObjectFact $Node }
}

function Get-ScanTypeFact {
    # [T]::X and -is [T] (literal), [T]$param (constraint), [T]$value (cast), [T()] (attribute).
    param([object]$Node, [string]$Class)
    $kind = 'literal'
    if ($Class -eq 'AttributeAst') { $kind = 'attribute' }
    elseif ($Node.Parent -is [System.Management.Automation.Language.ConvertExpressionAst]) { $kind = 'cast' }
    elseif ($Class -eq 'TypeConstraintAst') { $kind = 'constraint' }
    $name = $Node.TypeName.FullName
    if (-not $script:ScanResolved.ContainsKey($name)) {
        # What PowerShell 7 resolves the name to: informational only, 5.1 may differ.
        $resolved = $null
        try { $type = $Node.TypeName.GetReflectionType(); if ($null -ne $type) { $resolved = $type.ToString() } } catch { }
        $script:ScanResolved[$name] = $resolved
    }
    return ("type`t" + $name + "`t" + $kind)
}

function Get-ScanMemberFact {
    # [T]::Member by type (arity -1: not a call); instance method calls by name and argument count.
    param([System.Management.Automation.Language.MemberExpressionAst]$Node, [string]$Class)
    $member = '<dynamic>'
    if ($Node.Member -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $member = $Node.Member.Value }
    $arity = -1
    if ($Class -eq 'InvokeMemberExpressionAst') { $arity = 0; if ($null -ne $Node.Arguments) { $arity = $Node.Arguments.Count } }
    if ($Node.Static -and $Node.Expression -is [System.Management.Automation.Language.TypeExpressionAst]) {
        return ("static`t" + $Node.Expression.TypeName.FullName + "`t" + $member + "`t" + $arity)
    }
    if ($arity -ge 0) { return ("method`t" + $member + "`t" + $arity) }
    return $null
}

function Get-ScanPart {
    # Facts of one top-level statement: a list of @(fact, line relative to the statement).
    param([System.Management.Automation.Language.Ast]$Ast)
    $facts = [System.Collections.Generic.List[object]]::new()
    $pending = [System.Collections.Generic.List[object]]::new()
    $hashtables = @{}
    $shift = $Ast.Extent.StartLineNumber - 1
    $all = $Ast.FindAll($script:ScanEveryNode, $true)
    foreach ($node in $all) {
        $class = $node.GetType().Name
        $group = $script:ScanGroups[$class]
        if ($null -eq $group) { continue }
        $found = switch ($group) {
            'Function' { "function`t" + $node.Name }
            'Command' { Get-ScanCommandFacts $node }
            'Type' { Get-ScanTypeFact $node $class }
            'Member' { Get-ScanMemberFact $node $class }
            'Assignment' { $assigned = Get-ScanHashtableVariable $node; if ($null -ne $assigned) { $hashtables[$assigned[0]] = $assigned[1] } }
        }
        foreach ($fact in $found) {
            if ($null -eq $fact) { continue }
            $entry = @($fact, ($node.Extent.StartLineNumber - $shift))
            if ($fact.StartsWith("pending`t")) { $pending.Add($entry) } else { $facts.Add($entry) }
        }
    }
    # Variables passed as arguments that hold a hashtable literal assigned in the same statement.
    foreach ($entry in $pending) {
        $f = $entry[0].Split("`t")
        if (-not $hashtables.ContainsKey($f[3])) { continue }
        foreach ($key in (Get-ScanHashtableKeys $hashtables[$f[3]])) { $facts.Add(@(("hashtableKey`t" + $f[1] + "`t" + $f[2] + "`t" + $key), $entry[1])) }
    }
    foreach ($hit in @(Find-Syntax7Nodes -AllNodes $all)) {
        $facts.Add(@(("syntax7`t" + $hit.construct + "`t" + ($hit.line - $shift) + "`t" + $hit.column + "`t" + $hit.text), ($hit.line - $shift)))
    }
    return , $facts.ToArray()
}

function Get-ScanTopLevel {
    # The script's top-level pieces: using statements, the param block, each statement and trap.
    param([System.Management.Automation.Language.ScriptBlockAst]$Ast)
    foreach ($using in $Ast.UsingStatements) { $using }
    if ($null -ne $Ast.ParamBlock) { $Ast.ParamBlock }
    foreach ($block in @($Ast.DynamicParamBlock, $Ast.BeginBlock, $Ast.ProcessBlock, $Ast.EndBlock, $Ast.CleanBlock)) {
        if ($null -eq $block) { continue }
        foreach ($trap in @($block.Traps)) { if ($null -ne $trap) { $trap } }
        foreach ($statement in $block.Statements) { $statement }
    }
}

function ConvertTo-ScanSurface {
    # Facts (fact -> first absolute line) to the JSON shape: one table per kind of use.
    param([string]$Name, [System.Collections.Generic.Dictionary[string, int]]$Lines, [object[]]$Errors)
    $out = [ordered]@{
        path = $Name
        parseErrors = @($Errors | ForEach-Object {
                [ordered]@{ line = $_.Extent.StartLineNumber; column = $_.Extent.StartColumnNumber; id = $_.ErrorId; message = $_.Message }
            })
        functions = [System.Collections.Generic.List[string]]::new()
        commands = [ordered]@{}; dynamicCommands = [ordered]@{}; types = [ordered]@{}; newObject = [ordered]@{}
        staticMembers = [ordered]@{}; methods = [ordered]@{}
        syntax7 = [System.Collections.Generic.List[object]]::new()
    }
    # Sorted, so that a command's row exists before its parameters are added to it.
    foreach ($fact in @($Lines.Keys | Sort-Object { $_.Split("`t")[0] -notin 'command', 'type' }, { $_ })) {
        $f = $fact.Split("`t")
        $line = $Lines[$fact]
        switch ($f[0]) {
            'function' { $out.functions.Add($f[1]) }
            'command' {
                $out.commands[$f[1]] = [ordered]@{
                    line = $line; parameters = [System.Collections.Generic.List[string]]::new(); splatted = $false; hashtableKeys = [ordered]@{}
                }
            }
            'parameter' { $out.commands[$f[1]].parameters.Add($f[2]) }
            'hashtableKey' {
                $keys = $out.commands[$f[1]].hashtableKeys
                if (-not $keys.Contains($f[2])) { $keys[$f[2]] = [System.Collections.Generic.List[string]]::new() }
                $keys[$f[2]].Add($f[3])
            }
            'splatted' { $out.commands[$f[1]].splatted = $true }
            'dynamic' { $out.dynamicCommands[$f[1]] = [ordered]@{ line = $line } }
            'newObject' {
                if (-not $out.newObject.Contains($f[1])) { $out.newObject[$f[1]] = [ordered]@{ line = $line; arities = [System.Collections.Generic.List[int]]::new() } }
                $out.newObject[$f[1]].arities.Add([int]$f[2])
                if ($line -lt $out.newObject[$f[1]].line) { $out.newObject[$f[1]].line = $line }
            }
            'type' {
                if (-not $out.types.Contains($f[1])) {
                    $out.types[$f[1]] = [ordered]@{ line = $line; resolved = $script:ScanResolved[$f[1]]; kinds = [System.Collections.Generic.List[string]]::new() }
                }
                $out.types[$f[1]].kinds.Add($f[2])
                if ($line -lt $out.types[$f[1]].line) { $out.types[$f[1]].line = $line }
            }
            'static' {
                $key = $f[1] + '::' + $f[2]
                if (-not $out.staticMembers.Contains($key)) {
                    $out.staticMembers[$key] = [ordered]@{ line = $line; type = $f[1]; member = $f[2]; arities = [System.Collections.Generic.List[int]]::new() }
                }
                if ([int]$f[3] -ge 0) { $out.staticMembers[$key].arities.Add([int]$f[3]) }
                if ($line -lt $out.staticMembers[$key].line) { $out.staticMembers[$key].line = $line }
            }
            'method' {
                if (-not $out.methods.Contains($f[1])) { $out.methods[$f[1]] = [ordered]@{ line = $line; arities = [System.Collections.Generic.List[int]]::new() } }
                $out.methods[$f[1]].arities.Add([int]$f[2])
                if ($line -lt $out.methods[$f[1]].line) { $out.methods[$f[1]].line = $line }
            }
            'syntax7' { $out.syntax7.Add([ordered]@{ construct = $f[1]; line = $line; column = [int]$f[3]; text = $f[4] }) }
        }
    }
    return $out
}

function Get-ScanSurface {
    param([string]$Name, [System.Management.Automation.Language.ScriptBlockAst]$Ast, [object[]]$Errors)
    $lines = [System.Collections.Generic.Dictionary[string, int]]::new()
    foreach ($piece in @(Get-ScanTopLevel -Ast $Ast)) {
        $text = $piece.Extent.Text
        $part = $script:ScanParts[$text]
        if ($null -eq $part) { $part = Get-ScanPart -Ast $piece; $script:ScanParts[$text] = $part }
        $shift = $piece.Extent.StartLineNumber - 1
        foreach ($fact in $part) { if (-not $lines.ContainsKey($fact[0])) { $lines[$fact[0]] = $fact[1] + $shift } }
    }
    # The script's own blocks are no statement's part.
    if ($null -ne $Ast.CleanBlock) {
        $hit = New-Syntax7Hit 'clean block' $Ast.CleanBlock.Extent
        $lines[("syntax7`t" + $hit.construct + "`t" + $hit.line + "`t" + $hit.column + "`t" + $hit.text)] = $hit.line
    }
    return (ConvertTo-ScanSurface -Name $Name -Lines $lines -Errors $Errors)
}

$inputs = [System.Collections.Generic.List[object]]::new()
foreach ($file in $Path) { $inputs.Add(@{ Name = $file; File = (Resolve-Path -LiteralPath $file).ProviderPath }) }
if ($Stdin) {
    foreach ($item in @([Console]::In.ReadToEnd() | ConvertFrom-Json)) { $inputs.Add(@{ Name = $item.name; Text = $item.text }) }
}
$results = foreach ($item in $inputs) {
    $tokens = $null; $errors = $null
    if ($item.ContainsKey('File')) {
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($item.File, [ref]$tokens, [ref]$errors)
    } else {
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($item.Text, [ref]$tokens, [ref]$errors)
    }
    Get-ScanSurface -Name $item.Name -Ast $ast -Errors $errors
}
ConvertTo-Json -InputObject @($results) -Depth 8 -Compress
