# ---- steps/manual.ps1: guidance a script cannot carry out (e.g. an in-place upgrade) ----
# Recorded with status manual, in the log, the result and the recap; never counted as fixed.

function Invoke-KbManualStep {
    param([string]$Id, [string]$Text)
    Add-KbResult -Id $Id -Status 'manual' -Message $Text
}
