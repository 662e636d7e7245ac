# Replaces WindowsIdentity and WindowsPrincipal: who runs the script (identity.name, sid)
# and whether the token is an elevated administrator (identity.elevated).

class KbSimSid {
    [string]$Value
    KbSimSid([string]$value) { $this.Value = $value }
    [string] ToString() { return $this.Value }
}

class KbSimIdentity {
    [string]$Name
    [KbSimSid]$User
    static [KbSimIdentity] GetCurrent() {
        $identity = Get-KbSimSection 'identity'
        $current = [KbSimIdentity]::new()
        $current.Name = [string]$identity['name']
        $current.User = [KbSimSid]::new([string]$identity['sid'])
        return $current
    }
}

class KbSimPrincipal {
    [KbSimIdentity]$Identity
    KbSimPrincipal([object]$identity) { $this.Identity = $identity }
    [bool] IsInRole([System.Security.Principal.WindowsBuiltInRole]$role) {
        if ($role -ne [System.Security.Principal.WindowsBuiltInRole]::Administrator) { return $false }
        return [bool](Get-KbSimSection 'identity')['elevated']
    }
}
