function Invoke-KbWhenApplicable {
    # A step with its own applicability (e.g. a Windows 2000-only note) runs only where it applies;
    # elsewhere it is recorded as not-applicable, so the result still lists it.
    param(
        [Parameter(Mandatory = $true)][string]$Id,
        [Parameter(Mandatory = $true)][hashtable]$Applies,
        [Parameter(Mandatory = $true)][scriptblock]$Step
    )
    $check = Test-KbApplicable -Applies $Applies
    if ($check.Applicable) {
        & $Step
    } else {
        Add-KbResult -Id $Id -Status 'not-applicable' -Message $check.Reason
    }
}
