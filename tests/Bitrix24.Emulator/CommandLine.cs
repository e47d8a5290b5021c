using System.Globalization;

namespace Bitrix24.Emulator;

/// <summary>
/// The program's options: <c>--port 0 --rate 2 --burst 50 --operating-limit 480 --operating-cost 0.01 --operating-window 600
/// --latency-ms 0 --seed-workflows 0 --seed-users 0 --random-seed 24 --seed-bizproc-tasks 0 --faults RULES</c> (also <c>--name=value</c>).
/// </summary>
internal static class CommandLine
{
    public const string Usage =
        "Usage: Bitrix24.Emulator [--port N] [--rate R] [--burst N] [--operating-limit S] [--operating-cost S]\n" +
        "                         [--operating-window S]\n" +
        "                         [--latency-ms N] [--seed-workflows N] [--seed-users N] [--seed-bizproc-tasks N] [--random-seed N]\n" +
        "                         [--seed-flows N] [--seed-tasks N] [--required-task-field UF_NAME]\n" +
        "                         [--faults RULES]   (JSON, @file.json, or method:key=value,...;...)\n" +
        "                         [--app] [--app-redirect URL] [--access-token-ttl S]";

    private static readonly Dictionary<string, Action<EmulatorOptions, string>> Setters = new(StringComparer.Ordinal)
    {
        ["--port"] = (o, v) => o.Port = Int(v, "--port"),
        ["--rate"] = (o, v) => o.Rate = Number(v, "--rate"),
        ["--burst"] = (o, v) => o.Burst = Int(v, "--burst"),
        ["--operating-limit"] = (o, v) => o.OperatingLimitSeconds = Number(v, "--operating-limit"),
        ["--operating-window"] = (o, v) => o.OperatingWindowSeconds = Number(v, "--operating-window"),
        ["--operating-cost"] = (o, v) => o.OperatingCostSeconds = Number(v, "--operating-cost"),
        ["--latency-ms"] = (o, v) => o.LatencyMs = Int(v, "--latency-ms"),
        ["--seed-workflows"] = (o, v) => o.SeedWorkflows = Int(v, "--seed-workflows"),
        ["--seed-users"] = (o, v) => o.SeedUsers = Int(v, "--seed-users"),
        ["--seed-flows"] = (o, v) => o.SeedFlows = Int(v, "--seed-flows"),
        ["--seed-tasks"] = (o, v) => o.SeedTasks = Int(v, "--seed-tasks"),
        ["--required-task-field"] = (o, v) => o.RequiredTaskField = v,
        ["--seed-bizproc-tasks"] = (o, v) => o.SeedBizprocTasks = Int(v, "--seed-bizproc-tasks"),
        ["--random-seed"] = (o, v) => o.RandomSeed = Int(v, "--random-seed"),
        ["--faults"] = (o, v) => o.Faults = v,
        ["--access-token-ttl"] = (o, v) => o.AccessTokenTtlSeconds = Number(v, "--access-token-ttl"),
        ["--app-redirect"] = (o, v) => o.AppRedirectUri = v,
    };

    /// <exception cref="ArgumentException">An unknown option, a missing or malformed value, or a value out of range.</exception>
    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=');
            var name = eq > 0 ? arg[..eq] : arg;
            if (eq < 0 && name == "--app")
            {
                options.RegisterApp = true; // the one option without a value
                continue;
            }
            if (!Setters.TryGetValue(name, out var set))
                throw new ArgumentException($"Unknown option '{name}'.");
            string value;
            if (eq > 0)
                value = arg[(eq + 1)..];
            else if (i + 1 < args.Count)
                value = args[++i];
            else
                throw new ArgumentException($"Option '{name}' needs a value.");
            set(options, value);
        }
        options.Validate();
        return options;
    }

    private static int Int(string value, string name)
        => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new ArgumentException($"{name} expects a whole number, not '{value}'.");

    private static double Number(string value, string name)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new ArgumentException($"{name} expects a number, not '{value}'.");
}
