using Xunit.Abstractions;

namespace Bitrix24.PowerShell.Tests;

/// <summary>
/// The module's dependencies load into its own AssemblyLoadContext on PowerShell 7, so another module's
/// Microsoft.Extensions.* can never collide with ours. This test process is such a neighbour: the in-process
/// emulator (ASP.NET Core) already runs Microsoft.Extensions.DependencyInjection 10 in the default context.
/// </summary>
public sealed class LoadingTests(ITestOutputHelper log) : PortalTest(log)
{
    [Fact]
    public void Client_and_its_third_party_dependencies_load_privately_beside_other_versions()
    {
        var values = RunOk(Connect + """
            $null = Get-B24User -First 1
            $client = (Get-B24Connection).GetType().Assembly
            $default = [System.Runtime.Loader.AssemblyLoadContext]::Default
            $private = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($client)
            $private -ne $default
            $client.Location
            # The module's copy of Microsoft.Extensions.DependencyInjection, and the emulator's.
            $private.Assemblies | Where-Object { $_.GetName().Name -eq 'Microsoft.Extensions.DependencyInjection' } | ForEach-Object { $_.GetName().Version.Major; $_.Location }
            $default.Assemblies | Where-Object { $_.GetName().Name -eq 'Microsoft.Extensions.DependencyInjection' } | ForEach-Object { $_.GetName().Version.Major }
            # Types at the boundary are the runtime's: the client's JsonElement is the one the cmdlets know.
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([System.Text.Json.JsonElement].Assembly) -eq $default
            """);

        var lib = Path.Combine(Path.GetDirectoryName(Bitrix24.ScriptHost.ModuleLocator.ManifestPath)!, "lib");
        Assert.Equal(6, values.Count);
        Assert.Equal(true, values[0]);
        Assert.Equal(Path.Combine(lib, "Bitrix24.Client.dll"), values[1]);
        Assert.Equal(8, values[2]);
        Assert.Equal(Path.Combine(lib, "Microsoft.Extensions.DependencyInjection.dll"), values[3]);
        Assert.NotEqual(values[2], values[4]); // two versions side by side
        Assert.Equal(true, values[5]);
    }
}
