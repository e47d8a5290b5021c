#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Issue 12, coexistence: the module's private AssemblyLoadContext keeps its System.Text.Json and
# Microsoft.Extensions.* (8.0) apart from what the session loaded first. In a fresh pwsh each, a session that
# already holds OLDER versions (Microsoft.Extensions.* 6.0 in the default context, as a module without a load
# context of its own would leave them, and System.Text.Json 6.0 in another module's context) and one that holds
# NEWER ones (Microsoft.Extensions.* 9.0 in the default context; pwsh itself brings System.Text.Json 10) imports
# the module and runs one cmdlet of every family. The packages come from the NuGet cache, restored by a
# throwaway project in $TestDrive; without them (offline, empty cache) the tests are skipped and say why.
# The Windows PowerShell 5.1 path (one import and call beside the session's own assemblies) runs only on Windows.

BeforeDiscovery {
    $sessions = @(
        @{ Kind = 'older'; Extensions = '6.0.0'; Json = '6.0.0' }
        @{ Kind = 'newer'; Extensions = '9.0.0'; Json = $null }
    )
    # Windows PowerShell 5.1 exists only on Windows: elsewhere its test is not defined (a skipped Pester test
    # counts as a failure in tests/Bitrix24.Pester.Tests), and this file's header says so.
    $desktop = $IsWindows -and (Get-Command powershell.exe -ErrorAction SilentlyContinue)
}

Describe 'Coexistence with other versions of the dependencies' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $emulator = Start-TestEmulator -SeedWorkflows 5 -ExtraArguments @('--app', '--seed-bizproc-tasks', '2', '--rate', '1000', '--burst', '100000')
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
        $extensionIds = 'Microsoft.Extensions.Primitives', 'Microsoft.Extensions.DependencyInjection.Abstractions', 'Microsoft.Extensions.DependencyInjection',
            'Microsoft.Extensions.Options', 'Microsoft.Extensions.Logging.Abstractions', 'Microsoft.Extensions.Logging', 'Microsoft.Extensions.Http'

        # The assembly of package $Id $Version for the newest framework this pwsh can load; $null when absent.
        function Find-PackageAssembly([string] $Id, [string] $Version) {
            foreach ($framework in 'net9.0', 'net8.0', 'net6.0', 'netstandard2.1', 'netstandard2.0') {
                $path = Join-Path $packages "$($Id.ToLowerInvariant())/$Version/lib/$framework/$Id.dll"
                if (Test-Path $path) { return $path }
            }
            $null
        }
        # Restores the packages into the NuGet cache with a throwaway project; returns why not, or $null.
        function Restore-Packages([string] $Kind, [string] $Extensions, [string] $Json) {
            $folder = Join-Path $TestDrive "restore-$Kind"
            $null = New-Item -ItemType Directory -Force $folder
            $references = @('Microsoft.Extensions.Http') | ForEach-Object { "<PackageReference Include=`"$_`" Version=`"$Extensions`" />" }
            if ($Json) { $references += "<PackageReference Include=`"System.Text.Json`" Version=`"$Json`" />" }
            Set-Content -Path (Join-Path $folder 'restore.csproj') -Value @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net8.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup>$($references -join '')</ItemGroup>
</Project>
"@
            $output = & dotnet restore (Join-Path $folder 'restore.csproj') 2>&1
            if ($LASTEXITCODE -ne 0) { return "dotnet restore failed (offline?): $(($output | Select-Object -Last 3) -join ' ')" }
            $null
        }
    }

    AfterAll {
        if ($emulator) { Stop-TestEmulator $emulator }
    }

    It 'a session that already loaded <Kind> versions imports the module and runs every cmdlet family' -ForEach $sessions {
        $why = Restore-Packages $Kind $Extensions $Json
        $defaultAssemblies = @($extensionIds | ForEach-Object { Find-PackageAssembly $_ $Extensions })
        $sideJson = if ($Json) { Find-PackageAssembly 'System.Text.Json' $Json }
        if (-not $why -and (@($defaultAssemblies | Where-Object { -not $_ }).Count -gt 0 -or ($Json -and -not $sideJson))) {
            $why = "the $Kind packages are not in the NuGet cache ($packages)"
        }
        if ($why) {
            Set-ItResult -Skipped -Because $why
            return
        }

        $app = Invoke-RestMethod -Method Post -Uri "$($emulator.Base)/emulator/oauth/apps"
        $cache = Join-Path $TestDrive "cache-$Kind.json"
        $script = @"
`$ErrorActionPreference = 'Stop'
`$ConfirmPreference = 'None'
# What another module left behind: these versions in the default load context (and one in a context of its own).
foreach (`$path in @('$($defaultAssemblies -join "','")')) { `$null = [System.Reflection.Assembly]::LoadFrom(`$path) }
`$null = [Microsoft.Extensions.Primitives.StringValues]::new('in use')
`$null = [Microsoft.Extensions.DependencyInjection.ServiceCollection]::new()
if ('$sideJson') {
    `$other = [System.Runtime.Loader.AssemblyLoadContext]::new('AnotherModule', `$false)
    `$oldJson = `$other.LoadFromAssemblyPath('$sideJson')
    "SIDE System.Text.Json `$(`$oldJson.GetName().Version)"
}
"DEFAULT Microsoft.Extensions.Options `$([Microsoft.Extensions.Options.Options].Assembly.GetName().Version)"

Import-Module '$ManifestPath'
Connect-B24 -Url '$($emulator.Webhook)' -RequestsPerSecond 1000 -Burst 10000
`$client = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Bitrix24.Client' }
"MODULE context `$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$client).Name)"
`$http = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$client).Assemblies | Where-Object { `$_.GetName().Name -eq 'Microsoft.Extensions.Http' }
"MODULE Microsoft.Extensions.Http `$(`$http.GetName().Version)"

if ((Get-B24User -Id 1).Id -eq 1) { 'ok users' }
if (@(Get-B24WorkflowTemplate -First 1).Count -eq 1) { 'ok templates' }
if (@(Start-B24Workflow -TemplateId 1 -DocumentId 'crm|CCrmDocumentLead|LEAD_1').Count -eq 1) { 'ok start' }
if (@(Get-B24Workflow -First 2 | Stop-B24Workflow -PassThru).Count -eq 2) { 'ok workflows' }
`$flow = New-B24Flow -Name "Coexist $Kind" -PlannedCompletionTime 600 -Responsible 1
if ((Get-B24Flow -Id `$flow.Id).Name -eq "Coexist $Kind" -and (Test-B24Flow -Name "Coexist $Kind")) { 'ok flows' }
`$task = Add-B24Task -Title 'Coexist ✓' -ResponsibleId 1
if ((Get-B24Task -Id `$task.Id).Title -eq 'Coexist ✓') { 'ok tasks' }
if (@(Get-B24BizprocTask -Status Running -First 1 | Complete-B24BizprocTask -Status Approved -Comment ok -PassThru).Count -eq 1) { 'ok workflow tasks' }
if ((Invoke-B24Method user.current).ID -eq '1') { 'ok method' }
if (@(Invoke-B24Batch @{ a = 'user.current'; b = 'user.get?ID=1' }).Count -eq 2) { 'ok batch' }
Connect-B24 -Portal '$($emulator.Base)/' -ClientId '$($app.client_id)' -ClientSecret (ConvertTo-SecureString '$($app.client_secret)' -AsPlainText -Force) ``
    -RefreshToken (ConvertTo-SecureString '$($app.refresh_token)' -AsPlainText -Force) -TokenServer '$($emulator.Base)/' -TokenCachePath '$cache' -RequestsPerSecond 1000 -Burst 10000
if ((Get-B24User -Id 1).Id -eq 1 -and (Get-B24Connection).AuthType -eq 'OAuth') { 'ok oauth' }
Disconnect-B24
'ok connection'
"@
        $lines = Invoke-ChildPwsh $script

        $lines | Should -Contain "DEFAULT Microsoft.Extensions.Options $(([Version]$Extensions).Major).0.0.0"
        if ($Json) { $lines | Should -Contain 'SIDE System.Text.Json 6.0.0.0' }
        ($lines | Where-Object { $_ -like 'MODULE context *' }) | Should -Not -Be 'MODULE context Default'
        $lines | Should -Contain 'MODULE Microsoft.Extensions.Http 8.0.0.0'
        foreach ($family in 'users', 'templates', 'start', 'workflows', 'flows', 'tasks', 'workflow tasks', 'method', 'batch', 'oauth', 'connection') {
            $lines | Should -Contain "ok $family" -Because "the $family cmdlets must work beside the $Kind versions"
        }
    }

    if ($desktop) {
        It 'Windows PowerShell 5.1 imports the module and calls the portal' {
            $output = & powershell.exe -NoProfile -NonInteractive -Command "Import-Module '$ManifestPath'; Connect-B24 -Url '$($emulator.Webhook)'; (Get-B24User -Id 1).Id" 2>&1
            $LASTEXITCODE | Should -Be 0
            ($output | Select-Object -Last 1) | Should -Be '1'
        }
    }
}
