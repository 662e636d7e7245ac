# ---- steps/manual.ps1: guidance a script cannot carry out (e.g. an in-place upgrade) ----
# Recorded with status manual, in the log, the result and the recap; never counted as fixed.

function Invoke-KbManualStep {
    # A guard keeps guidance that does not apply (a patch already installed) out of the report.
    param([string]$Id, [hashtable]$Guard = $null, [string]$Text)
    try {
        if (-not (Test-KbStepGuard -ResultId $Id -Guard $Guard)) { return }
        Add-KbResult -Id $Id -Status 'manual' -Message $Text
    } catch {
        Add-KbResult -Id $Id -Status 'failed' -Message ('guard of manual step: ' + (Get-KbErrorText $_))
    }
}
