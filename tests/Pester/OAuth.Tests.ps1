#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Application sign-in against the emulator run as its own process with --app: a token that expires in the
# middle of a 500-item pipeline, a second pwsh that signs in from the cache alone, two processes on one cache.
# The emulator's printed keys are throwaway test values; still, nothing here prints them.

Describe 'OAuth sign-in with token rotation' {
    BeforeAll {
        $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        $configuration = if ($env:B24_BUILD_CONFIGURATION) { $env:B24_BUILD_CONFIGURATION } else { 'Release' }
        $manifestPath = Join-Path $repoRoot 'out/Bitrix24/Bitrix24.psd1'
        if (-not (Test-Path $manifestPath)) { throw "The module is not built: run ./build.ps1 first (no $manifestPath)." }

        $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in @('run', '--project', (Join-Path $repoRoot 'tests/Bitrix24.Emulator'), '-c', $configuration, '--no-build', '--',
                '--port', '0', '--seed-workflows', '500', '--rate', '1000', '--burst', '100000', '--app')) {
            $startInfo.ArgumentList.Add($argument)
        }
        $startInfo.UseShellExecute = $false
        $startInfo.RedirectStandardOutput = $true
        $startInfo.RedirectStandardError = $true
        $emulator = [System.Diagnostics.Process]::Start($startInfo)
        $webhook = $null; $app = $null
        $deadline = [DateTime]::UtcNow.AddMinutes(2)
        while ((-not $webhook -or -not $app) -and [DateTime]::UtcNow -lt $deadline) {
            $line = $emulator.StandardOutput.ReadLine()
            if ($null -eq $line) { break }
            if ($line -match '^Webhook: (\S+)') { $webhook = $Matches[1] }
            if ($line -match '^App: client_id=(\S+) client_secret=(\S+) refresh_token=(\S+)') {
                $app = @{ ClientId = $Matches[1]; ClientSecret = $Matches[2]; RefreshToken = $Matches[3] }
            }
        }
        if (-not $app) {
            if (-not $emulator.HasExited) { $emulator.Kill($true) }
            throw 'The emulator did not print its App line.'
        }
        $null = $emulator.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)
        $null = $emulator.StandardError.BaseStream.CopyToAsync([System.IO.Stream]::Null)
        $base = ([Uri]$webhook).GetLeftPart([UriPartial]::Authority) + '/'

        $cacheFolder = Join-Path ([System.IO.Path]::GetTempPath()) ("b24-pester-" + [guid]::NewGuid().ToString('N'))
        $cachePath = Join-Path $cacheFolder 'portal.json'
        Import-Module $manifestPath -Force

        function Get-OAuthStats { Invoke-RestMethod -Method Get -Uri ($base + 'emulator/oauth') }
        function Get-CachedRefreshToken { (Get-Content -Raw $cachePath | ConvertFrom-Json).refreshToken }

        # A child pwsh that signs in from the cache alone and reads user 1; its exit code says whether it worked.
        $childScript = @"
Import-Module '$manifestPath'
Connect-B24 -FromTokenCache -TokenCachePath '$cachePath' -ErrorAction Stop
`$user = Get-B24User -Id 1 -ErrorAction Stop
if (`$user.Id -ne 1) { exit 3 }
exit 0
"@
        function Start-Child {
            $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
            foreach ($a in @('pwsh', '-NoProfile', '-NonInteractive', '-Command', $childScript)) { $info.ArgumentList.Add($a) }
            $info.WorkingDirectory = $repoRoot
            $info.UseShellExecute = $false
            $info.RedirectStandardOutput = $true
            $info.RedirectStandardError = $true
            [System.Diagnostics.Process]::Start($info)
        }
    }

    AfterAll {
        Get-Module Bitrix24 | Remove-Module -Force
        if ($emulator -and -not $emulator.HasExited) { $emulator.Kill($true); $null = $emulator.WaitForExit(10000) }
        if ($cacheFolder -and (Test-Path $cacheFolder)) { Remove-Item -Recurse -Force $cacheFolder }
    }

    It 'a token expiring in the middle of a 500-item pipeline costs one refresh, every item is done and the rotation is cached' {
        $secret = ConvertTo-SecureString $app.ClientSecret -AsPlainText -Force
        $refresh = ConvertTo-SecureString $app.RefreshToken -AsPlainText -Force
        Connect-B24 -Portal $base -ClientId $app.ClientId -ClientSecret $secret -RefreshToken $refresh -TokenServer $base -TokenCachePath $cachePath
        (Get-B24Connection).AuthType | Should -Be 'OAuth'
        $before = (Get-OAuthStats).refreshGrants
        $cachedBefore = Get-CachedRefreshToken

        $null = Invoke-RestMethod -Method Post -Uri ($base + 'emulator/oauth/expire?after=3')
        $stopped = Get-B24Workflow | Stop-B24Workflow -PassThru -Confirm:$false

        @($stopped).Count | Should -Be 500
        @(Get-B24Workflow).Count | Should -Be 0
        ((Get-OAuthStats).refreshGrants - $before) | Should -Be 1
        (Get-CachedRefreshToken) -eq $cachedBefore | Should -BeFalse
        if (-not $IsWindows) { [int](Get-Item $cachePath).UnixFileMode | Should -Be 384 }   # 0600
    }

    It 'Get-B24Connection and -Verbose show no secret' {
        $shown = (Get-B24Connection | Format-List * | Out-String) + (Get-B24User -Id 1 -Verbose 4>&1 | Out-String)
        $shown.Contains($app.ClientSecret) | Should -BeFalse
        $shown.Contains($app.RefreshToken) | Should -BeFalse
    }

    It 'a second pwsh process signs in from the cache alone' {
        $child = Start-Child
        $child.WaitForExit(120000) | Should -BeTrue
        $child.ExitCode | Should -Be 0
    }

    It 'two processes started together on one expired cache both succeed and the cache ends valid' {
        $null = Invoke-RestMethod -Method Post -Uri ($base + 'emulator/oauth/expire')
        $before = (Get-OAuthStats).refreshGrants
        $children = @(Start-Child; Start-Child)
        foreach ($child in $children) { $child.WaitForExit(120000) | Should -BeTrue }
        $children | ForEach-Object { $_.ExitCode } | Should -Be @(0, 0)
        ((Get-OAuthStats).refreshGrants - $before) | Should -Be 1   # the second took the first one's rotation
        $last = Start-Child
        $last.WaitForExit(120000) | Should -BeTrue
        $last.ExitCode | Should -Be 0
    }

    It 'a spent refresh token fails with invalid_grant and the next step' {
        $secret = ConvertTo-SecureString $app.ClientSecret -AsPlainText -Force
        $spent = ConvertTo-SecureString $app.RefreshToken -AsPlainText -Force
        $other = Join-Path $cacheFolder 'other.json'
        { Connect-B24 -Portal $base -ClientId $app.ClientId -ClientSecret $secret -RefreshToken $spent -TokenServer $base -TokenCachePath $other -ErrorAction Stop } |
            Should -Throw -ErrorId 'invalid_grant*'
    }
}
