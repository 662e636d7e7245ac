# ---- preflight.ps1: Start-KbRun and the evidence before any change ----
# Order: 64-bit relaunch, log, administrator (NotElevated), -Method (BadArguments), the mutex
# Global\kbfix-<id> (Busy), state, the playbook's applicability (NotApplicable). Each refusal ends
# the run through Exit-KbRun (complete.ps1) with its recap line and exit code.

$script:KbMutex = $null
$script:KbAllowHighRisk = $false
$script:KbNoEvidenceAtStart = $false
$script:KbDetectionFailedAtStart = $false

function Get-KbMethodSelection {
    # -Method 'a,b' -> the method ids, each one checked against $script:KbMethodIds; none = all.
    param([object]$Method)
    $known = @($script:KbMethodIds)
    $text = (@($Method) | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ }) -join ','
    $selected = New-Object System.Collections.Generic.List[string]
    foreach ($part in $text.Split(',')) {
        $name = $part.Trim()
        if ($name.Length -eq 0) { continue }
        $match = @($known | Where-Object { $_ -eq $name })
        if ($match.Count -eq 0) {
            throw ("-Method: there is no method '" + $name + "'; the methods are: " + ($known -join ', '))
        }
        if (-not $selected.Contains($match[0])) { $selected.Add($match[0]) }
    }
    $selected.ToArray()
}

function Enter-KbMutex {
    # WaitOne(0): never wait. An abandoned mutex (a run that died) counts as acquired.
    $name = 'Global\kbfix-' + (Get-KbPlaybookId)
    $mutex = $null
    try {
        $mutex = [System.Threading.Mutex]::new($false, $name)
    } catch {
        Write-KbLog ('cannot open the mutex ' + $name + ': ' + (Get-KbErrorText $_)) 2
        return $false
    }
    $acquired = $false
    try {
        $acquired = $mutex.WaitOne(0)
    } catch {
        if (-not (Test-KbErrorIs -ErrorRecord $_ -Type ([System.Threading.AbandonedMutexException]))) {
            $mutex.Close()
            throw
        }
        Write-KbLog 'the previous run ended without releasing the mutex' 2
        $acquired = $true
    }
    if (-not $acquired) {
        $mutex.Close()
        return $false
    }
    $script:KbMutex = $mutex
    return $true
}

function Write-KbRunBanner {
    param([System.Collections.IDictionary]$Bound)
    $playbook = $script:KbPlaybook
    Write-KbLog ('==== kbfix ' + [string]$playbook['Id'] + ': ' + [string]$playbook['Title'] + ' (KB ' + (@($playbook['Kb']) -join ', ') + ')')
    Write-KbLog ('tool ' + [string]$playbook['ToolVersion'] + ', schema ' + [string]$playbook['SchemaVersion'] +
        ', playbook sha256 ' + [string]$playbook['SourceSha256'])
    Write-KbLog ((Format-KbWindowsVersion -Version (Get-KbWindowsVersion)) + ' ' + (Get-KbArchitecture) + ', PowerShell ' +
        [string]$PSVersionTable.PSVersion + ', account ' + [System.Security.Principal.WindowsIdentity]::GetCurrent().Name)
    $arguments = @($Bound.Keys | ForEach-Object { '-' + $_ + ' ' + [string]$Bound[$_] }) -join ' '
    Write-KbLog ('arguments: ' + $arguments + '; WhatIf: ' + $script:KbWhatIf)
}

function Get-KbMissingParameters {
    # Required playbook parameters are checked here, not with [Parameter(Mandatory)]: a
    # non-interactive run (ConfigMgr, Intune) must end with BadArguments, not a prompt or exit 1.
    foreach ($name in @($script:KbRequiredParameters)) {
        $value = $script:KbParameters[$name]
        if ($null -eq $value -or ([string]$value).Length -eq 0) { $name }
    }
}

function Start-KbRun {
    # The remediation always passes its $PSBoundParameters and $PSCommandPath, as the detection
    # does to Start-KbDetect: nothing is read from the script scope.
    param([System.Collections.IDictionary]$BoundParameters, [string]$ScriptPath)
    $bound = $BoundParameters
    if ($null -eq $bound) { $bound = @{} }
    $script:KbRunStartUtc = [DateTime]::UtcNow
    $script:KbWhatIf = [bool]$WhatIfPreference
    try {
        Invoke-KbRelaunch64 -BoundParameters $bound -ScriptPath $ScriptPath
    } catch {
        Initialize-KbLog -LogPath ([string]$bound['LogPath']) -Id (Get-KbPlaybookId)
        Exit-KbRun -Outcome 'StepFailed' -Message (Get-KbErrorText $_)
    }
    Initialize-KbLog -LogPath ([string]$bound['LogPath']) -Id (Get-KbPlaybookId)
    try {
        Write-KbRunBanner -Bound $bound
        if (-not (Test-KbIsAdministrator)) {
            Exit-KbRun -Outcome 'NotElevated' -Message 'run it as SYSTEM or from an elevated administrator prompt'
        }
        $selection = $null
        try {
            $selection = @(Get-KbMethodSelection -Method $bound['Method'])
        } catch {
            Exit-KbRun -Outcome 'BadArguments' -Message (Get-KbErrorText $_)
        }
        $missing = @()
        if ($script:KbRequiredParameters.Count -gt 0) { $missing = @(Get-KbMissingParameters) }
        if ($missing.Count -gt 0) {
            Exit-KbRun -Outcome 'BadArguments' -Message ('required parameter(s) not given: -' + ($missing -join ', -'))
        }
        $script:KbSelectedMethods = $selection
        $script:KbAllowHighRisk = $bound.ContainsKey('AllowHighRisk') -and [bool]$bound['AllowHighRisk']
        if (-not (Enter-KbMutex)) {
            Exit-KbRun -Outcome 'Busy' -Message ('another run of this playbook holds Global\kbfix-' + (Get-KbPlaybookId)) -NoResultFile
        }
        $ladderReader = $null
        if ([string]$script:KbPlaybook['Strategy'] -eq 'escalate') { $ladderReader = ${function:Set-KbLadderFromState} }
        Read-KbState -LadderReader $ladderReader
        $check = Test-KbApplicable -Applies $script:KbApplies
        if (-not $check['Applicable']) { Exit-KbRun -Outcome 'NotApplicable' -Message $check['Reason'] }
        Write-KbLog 'preflight passed'
    } catch {
        Exit-KbRun -Outcome 'StepFailed' -Message ('preflight failed: ' + (Get-KbErrorText $_))
    }
}

function Invoke-KbEvidenceBefore {
    # The evidence before any change; it decides whether the methods have anything to do.
    $evidence = Get-KbEvidence -Phase 'before'
    $script:KbEvidenceBefore = $evidence
    Save-KbStartLengths
    if ($null -eq $evidence) {
        $script:KbDetectionFailedAtStart = $true
        return
    }
    $script:KbNoEvidenceAtStart = -not $evidence.Present
}
