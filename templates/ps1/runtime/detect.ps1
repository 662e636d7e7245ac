# ---- detect.ps1: the detection-only script (Intune Remediations detection, ConfigMgr compliance) ----
# Exit 1: current evidence of the problem is present (Intune then runs the remediation).
# Exit 0: no current evidence, or the playbook does not apply to this machine.
# An internal error (the runtime or the detection itself failing) also exits 1, with the error in
# the summary line. Chosen because a detection that cannot look must not report the machine as
# healthy: exit 1 makes the failure visible in the console and lets the remediation run, which
# checks everything again itself and refuses to change anything when its own detection fails.
# A single probe that cannot look is not an internal error: per the contract it counts as "not
# present", is logged as a warning and is named in the summary line.
# Prints exactly one line on stdout (at most 2,048 characters: what Intune keeps), never writes to
# stderr, never writes the state, takes no mutex and needs no administrator rights.
# Errors: the detection template's first statement is trap { Exit-KbDetectError -ErrorRecord $_ },
# and a trap handles what is thrown in its scope and in every function called from it. So the
# entries below (Start-KbDetect, Start-KbAppDetect, Complete-KbDetect), which only that template
# calls, have no try/catch of their own: anything they throw reaches Exit-KbDetectError there.
# $script:KbDetectContract (data section) picks how the outcome is reported:
#   Intune               the exit codes above.
#   ConfigMgrApplication application detection: exit 0 always; one line on stdout = installed (no
#                        evidence, or not applicable), nothing = not installed (evidence, or an
#                        internal error: the install then runs and checks everything itself).
#                        Its own entry, Start-KbAppDetect, has no relaunch: in a 32-bit host on
#                        64-bit Windows it exits 1 with nothing on stdout (a detection failure).
#   ConfigMgrSetting     configuration item discovery: exit 0, 'Compliant' or 'NonCompliant'.

$script:KbDetectMaxLine = 2048

function Exit-KbDetect {
    # The one summary line, 'kbfix <id>: ' and $Line.
    param([int]$Code, [string]$Line)
    $text = ('kbfix ' + (Get-KbPlaybookId) + ': ' + $Line) -replace '[\r\n]+', ' '
    if ($text.Length -gt $script:KbDetectMaxLine) { $text = $text.Substring(0, $script:KbDetectMaxLine - 3) + '...' }
    Write-KbLog ($text + ' (exit ' + $Code + ')')
    if ($script:KbDetectContract -eq 'ConfigMgrApplication') {
        if ($Code -eq 0) { Write-Output $text }
        exit 0
    }
    if ($script:KbDetectContract -eq 'ConfigMgrSetting') {
        if ($Code -eq 0) { Write-Output 'Compliant' } else { Write-Output 'NonCompliant' }
        exit 0
    }
    Write-Output $text
    exit $Code
}

function Exit-KbDetectError {
    # Called by the detection template's trap (see above) with what was thrown.
    param([object]$ErrorRecord)
    $message = 'unknown error'
    try {
        $message = Get-KbErrorText $ErrorRecord
        Write-KbLog ('detection error: ' + $message) 3
    } catch {
        $message = 'unknown error (' + $message + ')'
    }
    Exit-KbDetect -Code 1 -Line ('detection error: ' + $message)
}

function Format-KbDetectLine {
    # 'evidence present: probe: detail; ...' or 'no current evidence (N checks)', plus the probes
    # that could not look.
    param([object]$Evidence)
    $leaves = @(Get-KbEvidenceLeaves -Evidence $Evidence | Where-Object { -not $_.NotApplicable })
    $present = @()
    $errors = @()
    foreach ($leaf in $leaves) {
        $item = [string]$leaf.Id + ': ' + $leaf.Detail
        if ($leaf.Present) { $present += $item }
        if (-not $leaf.Present -and ([string]$leaf.Detail).StartsWith('error: ')) { $errors += $item }
    }
    $line = 'no current evidence (' + $leaves.Count + ' checks)'
    if ($Evidence.Present) { $line = 'evidence present: ' + ($present -join '; ') }
    if ($errors.Count -gt 0) { $line += '; could not check: ' + ($errors -join '; ') }
    return $line
}

function Start-KbDetect {
    # 64-bit relaunch, log, state (read only), the playbook's applicability. The detection script
    # always passes its $PSBoundParameters and $PSCommandPath, as the remediation does to
    # Start-KbRun: nothing is read from the script scope.
    param([System.Collections.IDictionary]$BoundParameters, [string]$ScriptPath)
    Invoke-KbRelaunch64 -BoundParameters $BoundParameters -ScriptPath $ScriptPath
    Initialize-KbLog -LogPath ([string]$BoundParameters['LogPath']) -Id (Get-KbPlaybookId)
    Write-KbLog ('==== kbfix detection ' + (Get-KbPlaybookId) + ', account ' + [System.Security.Principal.WindowsIdentity]::GetCurrent().Name)
    Exit-KbDetectIfNotApplicable
}

function Start-KbAppDetect {
    # The ConfigMgr application detection (<id>.appdetect.ps1) carries no relaunch: ConfigMgr runs a
    # detection script in the 64-bit host unless the deployment type says otherwise, and ours never
    # does (docs/deployment.md). A 32-bit host on 64-bit Windows anyway would see SysWOW64 and
    # WOW6432Node and could answer wrongly, so it answers nothing: exit 1, nothing on stdout or
    # stderr, which ConfigMgr reports as a detection failure (never "installed", never an install).
    # It writes no log either (Write-KbLog has no writer): only that keeps it inside ConfigMgr's
    # 32 KB. ConfigMgr's own logs hold its answer, and the install, when it runs, logs its own
    # detection in full.
    if (Test-KbNeeds64BitHost) { exit 1 }
    Exit-KbDetectIfNotApplicable
}

function Exit-KbDetectIfNotApplicable {
    Read-KbState
    $check = Test-KbApplicable -Applies $script:KbApplies
    if (-not $check['Applicable']) {
        Exit-KbDetect -Code 0 -Line ('not applicable: ' + $check['Reason'])
    }
}

function Complete-KbDetect {
    # Not Get-KbEvidence: the remediation's wrapper keeps a failed detection as data for its
    # result, where here the trap turns it into the summary line (see above).
    $evidence = ConvertTo-KbEvidence -Output @(Invoke-KbDetection)
    if ($null -ne $script:KbLogFile) { Write-KbEvidenceLog -Evidence $evidence -Phase 'detection' }
    $code = 0
    if ($evidence.Present) { $code = 1 }
    Exit-KbDetect -Code $code -Line (Format-KbDetectLine -Evidence $evidence)
}
