using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// The standalone program, as a user (or the Pester suite) starts it: its one stdout line, the portal behind
/// it, its answer to bad options, and a clean exit on SIGTERM.
/// </summary>
public sealed class ProgramTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PrintsItsWebhookServesTheSeededPortalAndStopsOnSigterm()
    {
        using var program = Start("--port", "0", "--seed-workflows", "3", "--rate", "1000", "--burst", "1000");
        using var cleanup = KillOnExit(program);

        var line = await program.StandardOutput.ReadLineAsync().WaitAsync(HangGuard);
        var match = Regex.Match(line ?? "", @"^Webhook: (http://127\.0\.0\.1:\d+/rest/1/[A-Za-z0-9]{16,}/)$");
        Assert.True(match.Success, "unexpected first line: " + (line is null ? "<none>" : Regex.Replace(line, "/rest/1/[^/]+/", "/rest/1/***/")));

        var body = JsonNode.Parse(await Http.GetStringAsync(match.Groups[1].Value + "bizproc.workflow.instances"))!;
        Assert.Equal(3, (int)body["total"]!);

        Process.Start("kill", ["-TERM", program.Id.ToString()]).WaitForExit();
        await program.WaitForExitAsync().WaitAsync(HangGuard);
        Assert.Equal(0, program.ExitCode);
        Assert.Equal("", await program.StandardOutput.ReadToEndAsync());
    }

    [Fact]
    public async Task RejectsABadOptionWithExitCode2AndAMessage()
    {
        using var program = Start("--burst", "many");
        using var cleanup = KillOnExit(program);

        await program.WaitForExitAsync().WaitAsync(HangGuard);

        Assert.Equal(2, program.ExitCode);
        Assert.Contains("--burst", await program.StandardError.ReadToEndAsync());
        Assert.Equal("", await program.StandardOutput.ReadToEndAsync());
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_on_stderr_and_exit_code_1()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        using var program = Start("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var cleanup = KillOnExit(program);

        await program.WaitForExitAsync().WaitAsync(HangGuard);

        Assert.Equal(1, program.ExitCode);
        var error = (await program.StandardError.ReadToEndAsync()).Trim();
        Assert.StartsWith("Cannot listen on 127.0.0.1:" + port, error);
        Assert.DoesNotContain("\n", error); // no stack trace
        Assert.Equal("", await program.StandardOutput.ReadToEndAsync());
    }

    /// <summary>A failed assertion must not leave the program running after the test.</summary>
    private static IDisposable KillOnExit(Process program) => new Cleanup(() =>
    {
        if (!program.HasExited)
            program.Kill(entireProcessTree: true);
    });

    private sealed class Cleanup(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    /// <summary>Runs the emulator's own build output (copied next to these tests) with the dotnet host.</summary>
    private static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bitrix24.Emulator.dll"));
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the emulator program");
    }
}
