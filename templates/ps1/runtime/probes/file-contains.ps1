# ---- probes/file-contains.ps1: language-neutral tokens (HRESULTs) in a log file ----
# Only text written since the last successful run counts: the byte offset saved then is where
# reading starts (from 0 when the file is now shorter: it was rotated). A file not written in the
# last WithinDays days holds no current evidence. Read in chunks with FileShare.ReadWrite (the
# writer keeps it open); UTF-16 when the file starts with FF FE, else bytes as Latin-1 (ASCII
# tokens match in ANSI and UTF-8 alike, and in UTF-16 without a BOM as token chars with NULs).

$script:KbScanChunkBytes = 1048576

function Find-KbTokensInFile {
    # Returns @{ Length; Offset; Found = tokens seen between Offset and the length at the start }.
    param([string]$Path, [int64]$Offset, [string[]]$Tokens)
    $found = @()
    $share = [System.IO.FileShare]::ReadWrite -bor [System.IO.FileShare]::Delete
    $stream = [System.IO.FileStream]::new($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, $share)
    try {
        $length = $stream.Length
        # The UTF-16LE byte order mark (ReadByte is -1 past the end of a shorter file).
        $unicode = $stream.ReadByte() -eq 0xFF -and $stream.ReadByte() -eq 0xFE
        $encoding = [System.Text.Encoding]::GetEncoding(28591)
        if ($Offset -lt 0 -or $Offset -gt $length) { $Offset = 0 }
        if ($unicode) {
            # Whole characters after the byte order mark.
            $encoding = [System.Text.Encoding]::Unicode
            $Offset = [Math]::Max(2, $Offset - $Offset % 2)
        }
        # Without a BOM a UTF-16 file reads as Latin-1 with a NUL after each character, so each
        # token is looked for in that form as well. Each chunk's text starts with the last
        # $overlap characters of the one before (at least the longest form), so a token split
        # between two chunks is still found.
        $forms = @{}
        $overlap = 0
        foreach ($token in $Tokens) {
            $forms[$token] = @($token)
            if (-not $unicode) { $forms[$token] += ($token.ToCharArray() -join [char]0) }
            $overlap = [Math]::Max($overlap, 2 * $token.Length)
        }
        $decoder = $encoding.GetDecoder()
        $buffer = New-Object byte[] $script:KbScanChunkBytes
        $characters = New-Object char[] ($encoding.GetMaxCharCount($buffer.Length))
        $text = ''
        $stream.Position = $Offset
        $remaining = $length - $Offset
        while ($remaining -gt 0 -and $found.Count -lt $Tokens.Count) {
            $read = $stream.Read($buffer, 0, [int][Math]::Min([int64]$buffer.Length, $remaining))
            if ($read -le 0) { break }
            $remaining -= $read
            $count = $decoder.GetChars($buffer, 0, $read, $characters, 0)
            $text = $text.Substring([Math]::Max(0, $text.Length - $overlap)) + [string]::new($characters, 0, $count)
            foreach ($token in $Tokens) {
                foreach ($form in $forms[$token]) {
                    if ($found -cnotcontains $token -and $text.IndexOf($form, [System.StringComparison]::OrdinalIgnoreCase) -ge 0) {
                        $found += $token
                    }
                }
            }
        }
        return @{ Length = $length; Offset = $Offset; Found = $found }
    } finally {
        $stream.Dispose()
    }
}

function Test-KbFileContainsProbe {
    # What it read is saved as the file's offset when the run succeeds (state.ps1).
    param(
        [string]$Id,
        [hashtable]$Path,
        [string[]]$Tokens,
        [int]$WithinDays = 0
    )
    try {
        $file = Resolve-KbPath -Spec $Path
        $info = New-Object System.IO.FileInfo($file)
        if (-not $info.Exists) { return (New-KbProbeResult -Id $Id -Present $false -Detail ($file + ' does not exist')) }
        if ($WithinDays -gt 0 -and $info.LastWriteTimeUtc -lt [DateTime]::UtcNow.AddDays(-1 * $WithinDays)) {
            $script:KbObservedLengths[$file] = $info.Length
            return (New-KbProbeResult -Id $Id -Present $false -Detail ($file + ' not written in the last ' + $WithinDays + ' days'))
        }
        $scan = Find-KbTokensInFile -Path $file -Offset ([int64]$script:KbHistoryOffsets[$file]) -Tokens $Tokens
        $script:KbObservedLengths[$file] = $scan['Length']
        $found = @($scan['Found'])
        $detail = $file + ' (bytes ' + $scan['Offset'] + '-' + $scan['Length'] + ') contains '
        if ($found.Count -eq 0) { $detail += 'none of ' + ($Tokens -join ', ') } else { $detail += $found -join ', ' }
        return (New-KbProbeResult -Id $Id -Present ($found.Count -gt 0) -Detail $detail)
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
