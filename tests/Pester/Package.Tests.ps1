#Requires -Version 7.0

# The module as a user gets it from the Gallery: packed with Compress-PSResource, published to a repository
# (a local folder here), installed with Install-PSResource, imported and used in a fresh pwsh.
Describe 'Packaging with PSResourceGet' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 5

        # PSResourceGet keeps its repository list, and Install-PSResource -Scope CurrentUser its modules, under
        # the user's home: the children get a home on the test drive so the real one is never edited.
        $saved = @{ HOME = $env:HOME; XDG_DATA_HOME = $env:XDG_DATA_HOME; LOCALAPPDATA = $env:LOCALAPPDATA; USERPROFILE = $env:USERPROFILE }
        $testHome = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'home')).FullName
        $env:HOME = $testHome
        $env:USERPROFILE = $testHome
        $env:XDG_DATA_HOME = Join-Path $testHome '.local/share'
        $env:LOCALAPPDATA = Join-Path $testHome 'AppData/Local'
        $feed = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'feed')
        # Windows has no variable for Documents\PowerShell\Modules, so there the package is saved instead.
        $installed = if ($IsWindows) { New-Item -ItemType Directory -Path (Join-Path $TestDrive 'modules') } else { Join-Path $env:XDG_DATA_HOME 'powershell/Modules' }

        $version = (Test-ModuleManifest -Path $ManifestPath).Version
        # From the test drive: whatever PSResourceGet writes beside the working folder stays there too.
        Push-Location $TestDrive
        $package = Invoke-ChildPwsh @"
`$ErrorActionPreference = 'Stop'
`$package = Compress-PSResource -Path '$(Split-Path $ManifestPath)' -DestinationPath '$feed' -PassThru
Register-PSResourceRepository -Name B24Local -Uri '$feed' -Trusted
if (`$IsWindows) { Save-PSResource -Name Bitrix24 -Repository B24Local -Path '$installed' -TrustRepository -Quiet }
else { Install-PSResource -Name Bitrix24 -Repository B24Local -Scope CurrentUser -TrustRepository -Quiet }
`$package.Name
"@
        Pop-Location
    }

    AfterAll {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Stop-TestEmulator $emulator
    }

    It 'packs the module as Bitrix24.{version}.nupkg' {
        $package | Should -Be "Bitrix24.$version.nupkg"
    }

    It 'installs it into the module path as Bitrix24/{version}, with its license' {
        $folder = Join-Path $installed "Bitrix24/$version"
        Join-Path $folder 'Bitrix24.psd1' | Should -Exist
        Join-Path $folder 'lib/Bitrix24.Client.dll' | Should -Exist
        Join-Path $folder 'LICENSE' | Should -FileContentMatch 'MIT License'
    }

    It 'imports by name from that module path and talks to the portal in a fresh pwsh' {
        try {
            $savedPath = $env:PSModulePath
            $env:PSModulePath = "$installed$([IO.Path]::PathSeparator)$env:PSModulePath"
            $env:B24_WEBHOOK_URL = $emulator.Webhook
            $lines = Invoke-ChildPwsh @'
$ErrorActionPreference = 'Stop'
Import-Module Bitrix24
(Get-Module Bitrix24).ModuleBase
@(Get-B24Workflow).Count
'@
        }
        finally {
            $env:PSModulePath = $savedPath
            $env:B24_WEBHOOK_URL = $null
        }
        $lines[0] | Should -BeLike "$installed*"
        $lines[1] | Should -Be '5'
    }
}
