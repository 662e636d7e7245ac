# ---- probes/file-size.ps1: a file larger than a limit (catroot2\edb.log over ~20 MB) ----

function Test-KbFileSizeProbe {
    param([string]$Id, [hashtable]$Path, [int64]$AboveBytes)
    try {
        $file = Resolve-KbPath -Spec $Path
        $info = New-Object System.IO.FileInfo($file)
        if (-not $info.Exists) { return (New-KbProbeResult -Id $Id -Present $false -Detail ($file + ' does not exist')) }
        $detail = $file + ' is ' + $info.Length + ' bytes (limit ' + $AboveBytes + ')'
        return (New-KbProbeResult -Id $Id -Present ($info.Length -gt $AboveBytes) -Detail $detail)
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
