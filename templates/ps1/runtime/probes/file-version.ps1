# ---- probes/file-version.ps1: a file's version below a fixed one, compared as versions ----
# The numeric parts of the version resource are used: the FileVersion text may carry words.

function Test-KbFileVersionProbe {
    param([string]$Id, [hashtable]$Path, [string]$Below)
    try {
        $file = Resolve-KbPath -Spec $Path
        if (-not [System.IO.File]::Exists($file)) { return (New-KbProbeResult -Id $Id -Present $false -Detail ($file + ' does not exist')) }
        $info = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($file)
        $version = [System.Version]::new($info.FileMajorPart, $info.FileMinorPart, $info.FileBuildPart, $info.FilePrivatePart)
        if ($version -eq [System.Version]::new(0, 0, 0, 0)) {
            return (New-KbProbeResult -Id $Id -Present $false -Detail ($file + ' has no version resource'))
        }
        $limit = ConvertTo-KbVersion $Below
        $detail = $file + ' is version ' + $version + ' (fixed in ' + $Below + ')'
        return (New-KbProbeResult -Id $Id -Present ($version -lt $limit) -Detail $detail)
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
