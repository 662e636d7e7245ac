# ---- steps/attributes.ps1: file or folder attributes (attrib -s -h): read, change, read again ----

function ConvertTo-KbAttributeMask {
    param([string[]]$Names)
    $allowed = @('Hidden', 'System', 'ReadOnly', 'Archive')
    $mask = 0
    foreach ($name in $Names) {
        if ($allowed -notcontains $name) { throw ('unknown attribute ' + $name + '; use ' + ($allowed -join ', ')) }
        $mask = $mask -bor [int][System.IO.FileAttributes]$name
    }
    return $mask
}

function Format-KbAttributes {
    param([int]$Value)
    if ($Value -eq 0) { return 'Normal' }
    return [string][System.IO.FileAttributes]$Value
}

function Get-KbAttributesState {
    # A missing path is a state of its own: there is nothing to change.
    param([hashtable]$Step)
    $target = Resolve-KbPath -Spec $Step['Path'] -ProfileRoot $Step['ProfileRoot']
    if (-not (Test-KbPathExists -Path $target)) {
        return @{ Text = 'missing'; Value = [ordered]@{ exists = $false; mask = 0; names = @() }; Target = $target; Note = ($target + ' does not exist'); Mask = $null }
    }
    $mask = [int][System.IO.File]::GetAttributes($target)
    return @{ Text = (Format-KbAttributes -Value $mask); Value = (ConvertTo-KbAttributesData -Mask $mask); Target = $target; Mask = $mask }
}

function ConvertTo-KbAttributesData {
    param([int]$Mask)
    $names = @()
    if ($Mask -ne 0) { $names = @(([string][System.IO.FileAttributes]$Mask) -split ', ') }
    return [ordered]@{ exists = $true; mask = $Mask; names = $names }
}

function Get-KbWantedAttributes {
    # The mask with Set added and Clear taken away; the other attributes stay as they are.
    param([hashtable]$Step, [int]$Mask)
    $setMask = ConvertTo-KbAttributeMask -Names $Step['Set']
    $clearMask = ConvertTo-KbAttributeMask -Names $Step['Clear']
    return (($Mask -bor $setMask) -band (-bnot $clearMask))
}

function Test-KbAttributesState {
    # Only the managed attributes (in Set or Clear) are compared.
    param([hashtable]$Step, [hashtable]$State)
    if ($null -eq $State['Mask']) { return $true }
    $managed = (ConvertTo-KbAttributeMask -Names $Step['Set']) -bor (ConvertTo-KbAttributeMask -Names $Step['Clear'])
    $wanted = Get-KbWantedAttributes -Step $Step -Mask $State['Mask']
    return (($State['Mask'] -band $managed) -eq ($wanted -band $managed))
}

function Get-KbAttributesPlan {
    param([hashtable]$Step, [hashtable]$State)
    $wanted = Get-KbWantedAttributes -Step $Step -Mask $State['Mask']
    $text = Format-KbAttributes -Value $wanted
    return @{ Action = 'Set attributes to ' + $text; After = @{ Text = $text; Value = (ConvertTo-KbAttributesData -Mask $wanted) } }
}

function Set-KbAttributesState {
    param([hashtable]$Step, [hashtable]$State, [hashtable]$Change)
    Set-KbAttributes -Path $State['Target'] -Value $Change['After']['Value']['mask']
}

function Invoke-KbAttributesStep {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [string]$Id,
        [hashtable]$Guard = $null,
        [hashtable]$Path,
        [string[]]$Set = @(),
        [string[]]$Clear = @(),
        [string]$ProfileRoot = '',
        [string]$ProfileLabel = ''
    )
    $lifecycle = @{
        Get = ${function:Get-KbAttributesState}
        Test = ${function:Test-KbAttributesState}
        Plan = ${function:Get-KbAttributesPlan}
        Set = ${function:Set-KbAttributesState}
    }
    $step = @{ Path = $Path; Set = $Set; Clear = $Clear; ProfileRoot = $ProfileRoot }
    Invoke-KbStateStep -Id (Get-KbStepId -Id $Id -ProfileLabel $ProfileLabel) -Guard $Guard -ProfileRoot $ProfileRoot -Kind 'attributes' -Step $step @lifecycle
}
