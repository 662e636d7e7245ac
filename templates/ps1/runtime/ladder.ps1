# ---- ladder.ps1: the article's escalation across runs ----
# The article says: after each method, test whether the problem is gone, and go on to the next
# method only if it is not. For history evidence (events, log lines) that test is the next failed
# install, which happens after this run. So the last method that changed something is remembered
# in the state; when new history evidence appears within $KbLadderMemoryDays, the ladder goes on
# from the method after it instead of repeating the first one that changes anything. Live evidence
# (a service, a size, a registry value) restarts the ladder: the early methods fix those.

$script:KbLadderMemoryDays = 30
$script:KbLadderMethod = $null
$script:KbLadderAtUtc = $null
$script:KbLadderChangedBy = $null

function Set-KbLadderFromState {
    # Passed to Read-KbState by an escalating remediation; called with the state file's 'ladder'
    # object (or $null).
    param([object]$Ladder)
    $script:KbLadderMethod = $null
    $script:KbLadderAtUtc = $null
    if ($null -eq $Ladder) { return }
    if ($null -eq $Ladder.PSObject.Properties['method'] -or $null -eq $Ladder.PSObject.Properties['atUtc']) { return }
    $script:KbLadderMethod = [string]$Ladder.method
    $script:KbLadderAtUtc = ConvertTo-KbUtcTime -Value $Ladder.atUtc
}

function Get-KbLadderForState {
    # What Save-KbState writes: this run's last changing method, else the remembered one.
    if ($null -ne $script:KbLadderChangedBy) {
        return [ordered]@{ method = $script:KbLadderChangedBy; atUtc = [DateTime]::UtcNow.ToString('o') }
    }
    if ($null -ne $script:KbLadderMethod -and $null -ne $script:KbLadderAtUtc) {
        return [ordered]@{ method = $script:KbLadderMethod; atUtc = $script:KbLadderAtUtc.ToString('o') }
    }
    return $null
}

function Test-KbOnlyHistoryEvidence {
    # True when every probe that found something is a history probe (events, log lines).
    param([object]$Evidence)
    $present = @(Get-KbEvidenceLeaves -Evidence $Evidence | Where-Object { $_.Present })
    if ($present.Count -eq 0) { return $false }
    foreach ($leaf in $present) {
        if (@($script:KbHistoryProbeIds) -notcontains [string]$leaf.Id) { return $false }
    }
    return $true
}

function Get-KbLadderResumeIndex {
    # Index in $KbMethodIds after which the ladder resumes, or -1 to start from the first method.
    # Only Get-KbLadderSkip calls it, and only for strategy escalate (its feature-cut guard).
    if ($script:KbSelectedMethods.Count -gt 0) { return -1 }
    if ($null -eq $script:KbLadderMethod -or $null -eq $script:KbLadderAtUtc) { return -1 }
    if ($script:KbLadderAtUtc -lt [DateTime]::UtcNow.AddDays(-$script:KbLadderMemoryDays)) { return -1 }
    if (-not (Test-KbOnlyHistoryEvidence -Evidence $script:KbEvidenceBefore)) { return -1 }
    return [array]::IndexOf([string[]]@($script:KbMethodIds), [string]$script:KbLadderMethod)
}

function Get-KbLadderSkip {
    # A skip record for a method the ladder already tried in an earlier run, or $null.
    param([string]$Id)
    $resume = Get-KbLadderResumeIndex
    if ($resume -lt 0) { return $null }
    $index = [array]::IndexOf([string[]]@($script:KbMethodIds), $Id)
    if ($index -lt 0 -or $index -gt $resume) { return $null }
    $tried = 'tried up to method ' + $script:KbLadderMethod + ' in an earlier run (' + (Format-KbUtc $script:KbLadderAtUtc) + ')'
    # The remembered method was the article's last: there is no next rung to go on to. Repeating
    # the ladder would hide that every method was tried; say so, and leave the choice to a person.
    if ($resume -ge @($script:KbMethodIds).Count - 1) {
        return @{
            Status = 'skipped'; Warn = $true
            Message = ($tried + ', the article''s last; the evidence came back and no method is left to try (-Method repeats one)')
        }
    }
    return @{ Status = 'skipped'; Warn = $false; Message = ($tried + '; the evidence came back, so the article''s next method runs') }
}
