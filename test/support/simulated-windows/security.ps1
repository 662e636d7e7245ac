# Replaces Get-Acl, Set-Acl and DirectorySecurity, as far as the runtime uses them: the owner
# of a file (owners: path -> SID; an elevated run creates files owned by Administrators) and
# the SDDL a folder was given (acls: path -> SDDL).

class KbSimDirectorySecurity {
    [string]$Sddl = ''
    [void] SetSecurityDescriptorSddlForm([string]$sddl) { $this.Sddl = $sddl }
    [string] GetSecurityDescriptorSddlForm([object]$sections) { return $this.Sddl }
}

class KbSimAcl {
    [string]$Path
    [string]$Owner
    KbSimAcl([string]$path, [string]$owner) { $this.Path = $path; $this.Owner = $owner }
    [object] GetOwner([type]$type) { return [KbSimSid]::new($this.Owner) }
}

function global:Get-Acl {
    [CmdletBinding()]
    param([string]$LiteralPath)
    if (-not ([KbSimFile]::Exists($LiteralPath) -or [KbSimDirectory]::Exists($LiteralPath))) {
        throw [System.Management.Automation.ItemNotFoundException]::new("Cannot find path '$LiteralPath' because it does not exist.")
    }
    $owner = (Get-KbSimSection 'owners')[(Get-KbSimKey $LiteralPath)]
    if ($null -eq $owner) { $owner = 'S-1-5-32-544' }
    return [KbSimAcl]::new($LiteralPath, [string]$owner)
}

function global:Set-Acl {
    [CmdletBinding(SupportsShouldProcess = $true)]
    param([string]$LiteralPath, [object]$AclObject)
    if (-not $PSCmdlet.ShouldProcess($LiteralPath)) { return }
    if (-not [KbSimDirectory]::Exists($LiteralPath)) { throw [System.Management.Automation.ItemNotFoundException]::new("Cannot find path '$LiteralPath'.") }
    (Get-KbSimSection 'acls')[(Get-KbSimKey $LiteralPath)] = $AclObject.Sddl
}
