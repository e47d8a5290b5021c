using Bitrix24.Emulator.Faults;

namespace Bitrix24.Emulator;

/// <summary>Settings of one emulated portal; each maps to a command-line option of the program.</summary>
public sealed class EmulatorOptions
{
    /// <summary>--port: TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>--rate: leaky-bucket drain, requests per second (2; Enterprise 5).</summary>
    public double Rate { get; set; } = 2;

    /// <summary>--burst: leaky-bucket capacity (50; Enterprise 250).</summary>
    public int Burst { get; set; } = 50;

    /// <summary>--operating-limit: seconds of execution time per method and webhook in a 10-minute window (480).</summary>
    public double OperatingLimitSeconds { get; set; } = 480;

    /// <summary>--operating-window: the window the operating limit is counted over, in seconds (600, as on the
    /// portal: ten baskets of a minute); shorter windows (ten baskets of a tenth each) let a run meet the
    /// budget, wait for its reset and go on within minutes.</summary>
    public double OperatingWindowSeconds { get; set; } = 600;

    /// <summary>--operating-cost: seconds of operating time every call or batch sub-call is charged (0.01).</summary>
    public double OperatingCostSeconds { get; set; } = 0.01;

    /// <summary>--latency-ms: added to every HTTP request.</summary>
    public int LatencyMs { get; set; }

    /// <summary>--seed-workflows: running workflows seeded over a few templates and documents.</summary>
    public int SeedWorkflows { get; set; }

    /// <summary>--seed-users: users seeded besides the admin (1) and the non-admin (2).</summary>
    public int SeedUsers { get; set; }

    /// <summary>--seed-flows: flows seeded (each with its own new group).</summary>
    public int SeedFlows { get; set; }

    /// <summary>--seed-tasks: tasks seeded over the users.</summary>
    public int SeedTasks { get; set; }

    /// <summary>--required-task-field: a custom field (UF_…) every new task must carry.</summary>
    public string? RequiredTaskField { get; set; }

    /// <summary>--access-token-ttl: lifetime of OAuth access tokens in seconds (3600, as documented).</summary>
    public double AccessTokenTtlSeconds { get; set; } = 3600;

    /// <summary>--app: install a local application for user 1 at start (the program prints its keys).</summary>
    public bool RegisterApp { get; set; }

    /// <summary>--app-redirect: the application's handler address (the authorize step redirects there).</summary>
    public string? AppRedirectUri { get; set; }

    /// <summary>--seed-bizproc-tasks: running approval tasks of user 1 (one workflow each, from an approval template).</summary>
    public int SeedBizprocTasks { get; set; }

    /// <summary>--random-seed: makes generated ids and data reproducible.</summary>
    public int RandomSeed { get; set; } = 24;

    /// <summary>--faults: fault rules in force from the start and after every reset (JSON, @file.json, or the
    /// short form <c>method:key=value,…;…</c>; see the README's Faults).</summary>
    public string? Faults { get; set; }

    /// <summary>Rejects values the portal could not run with.</summary>
    /// <exception cref="ArgumentException">Names the offending option as on the command line.</exception>
    public void Validate()
    {
        Require(Port is >= 0 and <= 65535, "--port must be between 0 and 65535.");
        Require(Rate > 0 && double.IsFinite(Rate), "--rate must be a positive number of requests per second.");
        Require(Burst >= 1, "--burst must be at least 1.");
        Require(OperatingLimitSeconds > 0 && double.IsFinite(OperatingLimitSeconds), "--operating-limit must be a positive number of seconds.");
        Require(OperatingWindowSeconds >= 1 && double.IsFinite(OperatingWindowSeconds), "--operating-window must be at least 1 second.");
        Require(OperatingCostSeconds >= 0 && double.IsFinite(OperatingCostSeconds), "--operating-cost must be zero or a positive number of seconds.");
        Require(LatencyMs >= 0, "--latency-ms must be zero or more.");
        Require(SeedWorkflows >= 0, "--seed-workflows must be zero or more.");
        Require(SeedUsers >= 0, "--seed-users must be zero or more.");
        Require(SeedFlows >= 0, "--seed-flows must be zero or more.");
        Require(SeedTasks >= 0, "--seed-tasks must be zero or more.");
        Require(SeedBizprocTasks >= 0, "--seed-bizproc-tasks must be zero or more.");
        Require(string.IsNullOrEmpty(RequiredTaskField) || RequiredTaskField.StartsWith("UF_", StringComparison.OrdinalIgnoreCase), "--required-task-field must name a custom field (UF_...).");

        Require(AccessTokenTtlSeconds > 0 && double.IsFinite(AccessTokenTtlSeconds), "--access-token-ttl must be a positive number of seconds.");
        Require(AppRedirectUri is null || Uri.TryCreate(AppRedirectUri, UriKind.Absolute, out _), "--app-redirect must be an absolute URL.");

        FaultRules();
    }

    /// <summary>The rules of <see cref="Faults"/>.</summary>
    /// <exception cref="ArgumentException">They do not parse; the message starts with --faults.</exception>
    internal IReadOnlyList<FaultRule> FaultRules()
    {
        if (string.IsNullOrWhiteSpace(Faults))
            return [];
        try
        {
            return FaultSpec.Parse(Faults);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException("--faults: " + e.Message);
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ArgumentException(message);
    }
}
