# Wraps System.Threading.Mutex: a real named mutex (so a second process really finds it taken),
# with the world's prefix in its name. .NET shares named mutexes across all processes of the
# user on Linux, so without the prefix two test files running one playbook would collide.

class KbSimMutex {
    hidden [object]$Real
    KbSimMutex([bool]$initiallyOwned, [string]$name) {
        $prefix = [string](Get-KbSimSection 'os')['mutexPrefix']
        $scoped = $name
        if ($name -match '^(Global|Local)\\(.*)$') { $scoped = $Matches[1] + '\' + $prefix + $Matches[2] } else { $scoped = $prefix + $name }
        $this.Real = $global:KbReal.Mutex::new($initiallyOwned, $scoped)
    }
    [bool] WaitOne([int]$milliseconds) { return $this.Real.WaitOne($milliseconds) }
    [void] ReleaseMutex() { $this.Real.ReleaseMutex() }
    [void] Close() { $this.Real.Close() }
    [void] Dispose() { $this.Real.Dispose() }
}
