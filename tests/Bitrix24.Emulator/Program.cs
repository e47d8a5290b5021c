// dotnet run --project tests/Bitrix24.Emulator -- --port 0 --rate 2 --burst 50 --latency-ms 0 --seed-workflows 0
// Prints "Webhook: http://127.0.0.1:PORT/rest/1/CODE/" once it listens (with --app also
// "App: client_id=… client_secret=… refresh_token=…", token endpoint {emulator}/oauth/token/), then serves until stopped.
using System.Runtime.InteropServices;
using Bitrix24.Emulator;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

EmulatorOptions options;
try
{
    options = CommandLine.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

EmulatorServer server;
try
{
    server = await EmulatorServer.StartAsync(options);
}
catch (IOException error)
{
    // Typically the port is taken: one line, not a stack trace.
    Console.Error.WriteLine("Cannot listen on 127.0.0.1:" + options.Port + ": " + error.Message);
    return 1;
}
await using var running = server;
Console.Out.WriteLine("Webhook: " + server.WebhookUrl);
if (server.App is { } app)
    Console.Out.WriteLine("App: client_id=" + app.App.ClientId + " client_secret=" + app.App.ClientSecret + " refresh_token=" + app.RefreshToken);
Console.Out.Flush();
await stop.Task;
return 0;
