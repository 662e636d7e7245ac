# ---- probes/file-contains.ps1: language-neutral tokens (HRESULTs) in a log file ----
# Only text written since the last successful run counts: the byte offset saved then is where
# reading starts (from 0 when the file is now shorter: it was rotated). A file not written in the
# last WithinDays days holds no current evidence. Read in chunks with FileShare.ReadWrite (the
# writer keeps it open); UTF-16 when the file starts with FF FE, else bytes as Latin-1 (ASCII
# tokens match in ANSI and UTF-8 alike, and in UTF-16 without a BOM as token chars with NULs).

$script:KbScanChunkBytes = 1048576

function Test-KbUtf16File {
    # The UTF-16LE byte order mark (ReadByte is -1 past the end of a shorter file).
    param([System.IO.Stream]$Stream)
    $Stream.Position = 0
    return ($Stream.ReadByte() -eq 0xFF -and $Stream.ReadByte() -eq 0xFE)
}

function Find-KbTokensInFile {
    # Returns @{ Length; Offset; Found = tokens seen between Offset and the length at the start }.
    param([string]$Path, [int64]$Offset, [string[]]$Tokens)
    $found = New-Object System.Collections.Generic.List[string]
    $share = [System.IO.FileShare]::ReadWrite -bor [System.IO.FileShare]::Delete
    $stream = [System.IO.FileStream]::new($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, $share)
    try {
        $length = $stream.Length
        $unicode = Test-KbUtf16File -Stream $stream
        $encoding = [System.Text.Encoding]::GetEncoding(28591)
        if ($unicode) { $encoding = [System.Text.Encoding]::Unicode }
        if ($Offset -lt 0 -or $Offset -gt $length) { $Offset = 0 }
        if ($unicode -and $Offset -lt 2) { $Offset = 2 }
        if ($unicode -and ($Offset % 2) -ne 0) { $Offset -= 1 }
        # Without a BOM a UTF-16 file reads as Latin-1 with a NUL after each character, so each
        # token is looked for in that form as well.
        $patterns = @{}
        $overlap = 0
        foreach ($token in $Tokens) {
            $forms = @($token)
            if (-not $unicode) { $forms += ($token.ToCharArray() -join [char]0) }
            $patterns[$token] = $forms
            foreach ($form in $forms) { $overlap = [Math]::Max($overlap, $form.Length) }
        }
        $decoder = $encoding.GetDecoder()
        $buffer = New-Object byte[] $script:KbScanChunkBytes
        $characters = New-Object char[] ($encoding.GetMaxCharCount($buffer.Length))
        $carry = ''
        $stream.Position = $Offset
        $remaining = $length - $Offset
        while ($remaining -gt 0 -and $found.Count -lt $Tokens.Count) {
            $want = [int][Math]::Min([int64]$buffer.Length, $remaining)
            $read = $stream.Read($buffer, 0, $want)
            if ($read -le 0) { break }
            $remaining -= $read
            $count = $decoder.GetChars($buffer, 0, $read, $characters, 0)
            $text = $carry + [string]::new($characters, 0, $count)
            foreach ($token in $Tokens) {
                if ($found.Contains($token)) { continue }
                foreach ($form in $patterns[$token]) {
                    if ($text.IndexOf($form, [System.StringComparison]::OrdinalIgnoreCase) -ge 0) {
                        $found.Add($token)
                        break
                    }
                }
            }
            $keep = [Math]::Min($text.Length, [Math]::Max($overlap - 1, 0))
            $carry = $text.Substring($text.Length - $keep)
        }
        return @{ Length = $length; Offset = $Offset; Found = $found.ToArray() }
    } finally {
        $stream.Dispose()
    }
}

function Test-KbFileContainsProbe {
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
            Set-KbObservedLength -Path $file -Length $info.Length
            return (New-KbProbeResult -Id $Id -Present $false -Detail ($file + ' not written in the last ' + $WithinDays + ' days'))
        }
        $scan = Find-KbTokensInFile -Path $file -Offset (Get-KbFileOffset -Path $file) -Tokens $Tokens
        Set-KbObservedLength -Path $file -Length $scan['Length']
        $range = 'bytes ' + $scan['Offset'] + '-' + $scan['Length']
        $found = @($scan['Found'])
        if ($found.Count -gt 0) {
            return (New-KbProbeResult -Id $Id -Present $true -Detail ($file + ' (' + $range + ') contains ' + ($found -join ', ')))
        }
        return (New-KbProbeResult -Id $Id -Present $false -Detail ($file + ' (' + $range + ') contains none of ' + ($Tokens -join ', ')))
    } catch {
        return (New-KbProbeError -Id $Id -ErrorRecord $_)
    }
}
