using Bitrix24.Emulator;

namespace Bitrix24.Benchmarks;

/// <summary>The portal's limits for a run: leaky-bucket drain (requests/s) and burst, and the added latency.</summary>
internal sealed record PortalLimits(double Drain, int Burst, int LatencyMs)
{
    public override string ToString() => $"{Drain:0.##}/{Burst}";
}

/// <summary>
/// One row of the table: a pipeline (a case of Scenarios.ps1) over <see cref="Items"/> seeded rows, the fewest HTTP
/// requests it can take, and how many of them must wait for the one before (the critical path of round trips).
/// </summary>
internal sealed record Scenario(string Key, string Title, string Script, int Items, int MinimumRequests, int DependentRequests, PortalLimits Limits)
{
    /// <summary>The same work done the naive way (one Invoke-B24Method per item, or per page for a list) on a smaller N.</summary>
    public (string Script, int Items)? Naive { get; init; }

    /// <summary>Sets what the emulator seeds for <paramref name="items"/> rows, and any other option.</summary>
    public Action<EmulatorOptions, int> Seed { get; init; } = (o, n) => o.SeedWorkflows = n;

    /// <summary>A floor the operating-time budget puts under the wall time (seconds), beside the leaky bucket's.</summary>
    public Func<double>? BudgetFloor { get; init; }

    public string? Note { get; init; }

    /// <summary>The leaky-bucket ideal for the minimum requests: max(0, R − burst)/drain plus the dependent round trips.</summary>
    public double IdealSeconds
    {
        get
        {
            var bucket = Math.Max(0, MinimumRequests - Limits.Burst) / Limits.Drain + DependentRequests * Limits.LatencyMs / 1000.0;
            return Math.Max(bucket, BudgetFloor?.Invoke() ?? 0);
        }
    }

    /// <summary>Requests to list <paramref name="rows"/> rows at 2,500 a request (50 keyset pages of 50 in one batch).</summary>
    public static int ListRequests(int rows) => Math.Max(1, (rows + 2499) / 2500);

    /// <summary>Requests to write <paramref name="items"/> items at 50 a batch.</summary>
    public static int WriteRequests(int items) => (items + 49) / 50;
}
