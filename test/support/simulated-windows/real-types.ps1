# The real .NET types, captured before the simulation registers its replacements under the
# same names: after that, a type literal such as [System.IO.File] resolves to the fake.
$global:KbReal = @{
    'File' = [System.IO.File]
    'Directory' = [System.IO.Directory]
    'Path' = [System.IO.Path]
    'FileStream' = [System.IO.FileStream]
    'FileInfo' = [System.IO.FileInfo]
    'DirectoryInfo' = [System.IO.DirectoryInfo]
    'Environment' = [System.Environment]
    'Process' = [System.Diagnostics.Process]
    'ProcessStartInfo' = [System.Diagnostics.ProcessStartInfo]
}
$global:KbReal['Mutex'] = [System.Threading.Mutex]
