# ---- probes/join.ps1: evidence results, any/all groups, and running the body's detection ----
# A probe returns [pscustomobject]@{ Id; Present; Detail; NotApplicable } and never throws; a group
# has Items instead of Detail. A probe outside its own applies is not applicable: neither evidence
# nor clean.
# Both scripts include this file: the remediation detects before, after each method (escalate)
# and at the end; the detection script once.

$script:KbLastEvidence = $null
$script:KbDetectionError = $null

$script:KbEvidenceBefore = $null
$script:KbEvidenceAfter = $null

function New-KbProbeResult {
    param([string]$Id, [bool]$Present, [string]$Detail)
    return [pscustomobject]@{ Id = $Id; Present = $Present; Detail = $Detail; NotApplicable = $false }
}

function Invoke-KbProbeWhenApplicable {
    # A probe with its own applicability looks only where it applies (e.g. an XP-only log file);
    # elsewhere its result is not applicable, with the reason in Detail. The body's detection
    # always passes all three.
    param([string]$Id, [hashtable]$Applies, [scriptblock]$Probe)
    $check = Test-KbApplicable -Applies $Applies
    if ($check.Applicable) { return (& $Probe) }
    $result = New-KbProbeResult -Id $Id -Present $false -Detail ('not applicable: ' + $check.Reason)
    $result.NotApplicable = $true
    return $result
}

function New-KbProbeError {
    # A probe that could not look is not evidence (contract), but it is logged as a warning and
    # its Detail starts with 'error: ' so summaries can name it.
    param([string]$Id, [object]$ErrorRecord)
    $text = Get-KbErrorText $ErrorRecord
    Write-KbLog ('probe ' + $Id + ' could not check: ' + $text) 2
    return (New-KbProbeResult -Id $Id -Present $false -Detail ('error: ' + $text))
}

function Join-KbEvidence {
    # any: present when one applicable item is; all: present when every applicable item is (and
    # there is at least one). Items that are not applicable are left out; a group of only such
    # items is itself not applicable. A group carries no Detail: only the remediation's JSON result
    # reports one, worked out from the items when it is written (Format-KbEvidenceDetail), so the
    # detection scripts, which never read it, do not build it.
    param([string]$Mode, [object[]]$Items)
    if ($Mode -ne 'any' -and $Mode -ne 'all') { throw ('unknown evidence group mode ' + $Mode) }
    $all = @($Items | Where-Object { $null -ne $_ })
    $list = @($all | Where-Object { -not $_.NotApplicable })
    $present = @($list | Where-Object { $_.Present })
    $isPresent = $present.Count -gt 0 -and ($Mode -eq 'any' -or $present.Count -eq $list.Count)
    return [pscustomobject]@{ Id = $Mode; Present = $isPresent; NotApplicable = ($list.Count -eq 0); Items = $all }
}

function Format-KbEvidenceDetail {
    # What an evidence result found: a probe's Detail; for a group, its present items, or why it
    # is not present. Some present but not the group: only 'all' with items missing.
    param([object]$Evidence)
    if ($null -eq $Evidence.PSObject.Properties['Items']) { return [string]$Evidence.Detail }
    $all = @($Evidence.Items)
    $list = @($all | Where-Object { -not $_.NotApplicable })
    $present = @($list | Where-Object { $_.Present })
    if ($list.Count -eq 0) { return ('not applicable: none of ' + $all.Count + ' applies here') }
    if ($Evidence.Present) { return (@($present | ForEach-Object { Format-KbEvidenceItem -Item $_ }) -join '; ') }
    if ($present.Count -eq 0) { return ('none of ' + $list.Count + ' found') }
    $missing = @($list | Where-Object { -not $_.Present } | ForEach-Object { [string]$_.Id })
    return ('not all present (missing: ' + ($missing -join ', ') + ')')
}

function Format-KbEvidenceItem {
    # 'probe-id: detail' for a probe, the detail alone for a group.
    param([object]$Item)
    if ($null -ne $Item.PSObject.Properties['Items']) { return (Format-KbEvidenceDetail -Evidence $Item) }
    return ([string]$Item.Id + ': ' + [string]$Item.Detail)
}

function Get-KbEvidenceLeaves {
    # The probe results inside a (possibly nested) evidence result, in order.
    param([object]$Evidence)
    if ($null -eq $Evidence) { return }
    if ($null -ne $Evidence.PSObject.Properties['Items']) {
        foreach ($item in $Evidence.Items) { Get-KbEvidenceLeaves -Evidence $item }
        return
    }
    $Evidence
}

function Test-KbEvidencePresent {
    # For an evidence guard: does the latest detection find the problem ('detection') or this probe?
    param([string]$Id)
    $evidence = $script:KbLastEvidence
    if ($null -eq $evidence) { throw 'no detection has run yet, so an evidence guard cannot be checked' }
    if ($Id -eq 'detection') { return [bool]$evidence.Present }
    foreach ($leaf in @(Get-KbEvidenceLeaves -Evidence $evidence)) {
        if ($leaf.Id -eq $Id) { return [bool]$leaf.Present }
    }
    throw ('the detection has no probe with id ' + $Id)
}

function ConvertTo-KbEvidence {
    # Invoke-KbDetection outputs one probe or group (templates/ps1/partials/detection.hbs; a
    # splatted probe's hashtable assignment outputs nothing), each of which returns exactly one
    # result. Anything else is a fault of the script, not evidence either way.
    param([object[]]$Output)
    $results = @($Output | Where-Object { $null -ne $_ })
    if ($results.Count -ne 1) { throw ('Invoke-KbDetection returned ' + $results.Count + ' results instead of one') }
    if ($null -eq $results[0].PSObject.Properties['Present']) { throw 'Invoke-KbDetection returned something that is not evidence' }
    return $results[0]
}

function Write-KbEvidenceLog {
    # Every probe's finding, then the verdict: the reviewer sees the evidence before and after.
    param([object]$Evidence, [string]$Phase)
    foreach ($leaf in @(Get-KbEvidenceLeaves -Evidence $Evidence)) {
        $word, $type = 'absent', 1
        if ($leaf.NotApplicable) { $word = 'not applicable' }
        if ($leaf.Present) { $word, $type = 'PRESENT', 2 }
        Write-KbLog ('evidence ' + $Phase + ': [' + $leaf.Id + '] ' + $word + ': ' + $leaf.Detail) $type
    }
    $verdict, $type = 'no current evidence of the problem', 1
    if ($Evidence.Present) { $verdict, $type = 'the problem is PRESENT', 2 }
    Write-KbLog ('evidence ' + $Phase + ': ' + $verdict) $type
}

function Get-KbEvidence {
    # Runs the body's Invoke-KbDetection and logs what it found; $null when it failed.
    param([string]$Phase)
    $script:KbObservedLengths = @{}
    $script:KbDetectionError = $null
    try {
        $output = @(Invoke-KbDetection)
        $evidence = ConvertTo-KbEvidence -Output $output
    } catch {
        $script:KbDetectionError = Get-KbErrorText $_
        Write-KbLog ('detection (' + $Phase + ') failed: ' + $script:KbDetectionError) 3
        return $null
    }
    $script:KbLastEvidence = $evidence
    # Only the log reads it: a script that opens no log (Start-KbAppDetect) leaves it out.
    if ($null -ne $script:KbLogFile) { Write-KbEvidenceLog -Evidence $evidence -Phase $Phase }
    return $evidence
}

function ConvertTo-KbEvidenceRecord {
    # The evidence as data for the JSON result.
    param([object]$Evidence)
    if ($null -eq $Evidence) { return $null }
    $probes = @(Get-KbEvidenceLeaves -Evidence $Evidence | ForEach-Object {
            [ordered]@{ id = [string]$_.Id; present = [bool]$_.Present; detail = [string]$_.Detail }
        })
    return [ordered]@{ present = [bool]$Evidence.Present; detail = (Format-KbEvidenceDetail -Evidence $Evidence); probes = $probes }
}
