# ---- pe-image.ps1: the processor a DLL is built for (its PE header), and the regsvr32 that can load it ----
# A PE file starts with an MS-DOS header ('MZ'); the 32-bit value at offset 0x3C is the offset of
# the 'PE\0\0' signature, and the 2 bytes after it are the Machine field: 0x014C x86, 0x8664 x64,
# 0xAA64 arm64 (docs/kb-facts.md#regsvr32). A process loads only DLLs of its own bitness, so a
# 32-bit DLL on 64-bit Windows needs the 32-bit regsvr32 in SysWOW64.

function Get-KbPeMachine {
    # 'x86', 'x64', 'arm64', or '' when the file is not a PE image of those (or too short).
    param([string]$Path)
    $share = [System.IO.FileShare]::ReadWrite -bor [System.IO.FileShare]::Delete
    $stream = [System.IO.FileStream]::new($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, $share)
    try {
        $dos = New-Object byte[] 64
        if ($stream.Read($dos, 0, 64) -lt 64) { return '' }
        if ($dos[0] -ne 0x4D -or $dos[1] -ne 0x5A) { return '' }
        $offset = [BitConverter]::ToInt32($dos, 0x3C)
        if ($offset -lt 64 -or $offset -gt ($stream.Length - 6)) { return '' }
        $stream.Position = $offset
        $signature = New-Object byte[] 6
        if ($stream.Read($signature, 0, 6) -lt 6) { return '' }
        if ($signature[0] -ne 0x50 -or $signature[1] -ne 0x45 -or $signature[2] -ne 0 -or $signature[3] -ne 0) { return '' }
        $machine = [int][BitConverter]::ToUInt16($signature, 4)
        if ($machine -eq 0x014C) { return 'x86' }
        if ($machine -eq 0x8664) { return 'x64' }
        if ($machine -eq 0xAA64) { return 'arm64' }
        return ''
    } finally {
        $stream.Dispose()
    }
}

function ConvertTo-KbSysnativePath {
    # The same file as a 32-bit process reaches it: a path under %windir%\System32 goes through
    # Sysnative, which the WOW64 file system redirector leaves alone; other paths are unchanged.
    param([string]$Path)
    $system32 = Resolve-KbPath -Spec @{ Base = 'windir'; Segments = @('System32') }
    if (-not $Path.StartsWith($system32 + '\', [System.StringComparison]::OrdinalIgnoreCase)) { return $Path }
    $sysnative = Resolve-KbPath -Spec @{ Base = 'windir'; Segments = @('Sysnative') }
    return ($sysnative + $Path.Substring($system32.Length))
}

function Get-KbRegsvr32For {
    # How to register a DLL built for $Machine on this Windows: @{ Tool; Dll (the path as that
    # regsvr32 sees the file); Bits; Problem }. Unknown bitness: the native regsvr32, which starts
    # its other-bitness twin itself when the DLL needs it.
    param([string]$Dll, [string]$Machine)
    $os = Get-KbArchitecture
    $wow64 = Test-KbNeeds64BitHost
    $native = 'System32'
    if ($wow64) { $native = 'Sysnative' }
    $use = @{ Folder = $native; Dll = $Dll; Bits = 'native'; Problem = '' }
    if ($os -eq 'x86') {
        if ($Machine -eq 'x64' -or $Machine -eq 'arm64') { $use['Problem'] = ('a ' + $Machine + ' DLL cannot be loaded on 32-bit Windows') }
    } elseif ($Machine -eq 'x86') {
        # The 32-bit regsvr32 would see %windir%\System32 as SysWOW64, a different file.
        $use['Folder'] = 'SysWOW64'
        $use['Dll'] = ConvertTo-KbSysnativePath -Path $Dll
        $use['Bits'] = '32-bit'
    } elseif ($Machine -eq 'arm64' -and $os -ne 'arm64') {
        $use['Problem'] = ('an arm64 DLL cannot be loaded on ' + $os + ' Windows')
    } elseif ($Machine.Length -gt 0) {
        $use['Bits'] = '64-bit'
    }
    $use['Tool'] = Resolve-KbPath -Spec @{ Base = 'windir'; Segments = @($use['Folder'], 'regsvr32.exe') }
    return $use
}
