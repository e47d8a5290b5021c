using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitrix24.Benchmarks;

/// <summary>What Scenarios.ps1 printed after "BENCH ": one run of one pipeline in one fresh pwsh.</summary>
internal sealed record Measurement
{
    public double WallMs { get; init; }
    public double CpuMs { get; init; }
    public long Rows { get; init; }
    public long Failed { get; init; }
    public string? FirstError { get; init; }
    public string? Aborted { get; init; }
    public long Requests { get; init; }
    public long Sent503 { get; init; }
    public long Sent429 { get; init; }
    public long Writes { get; init; }
    public double PeakWorkingSetMB { get; init; }
    public double ColdMs { get; init; }
    public string? Skipped { get; init; }

    /// <summary>CPU time of this process (the emulator) while the pwsh ran.</summary>
    public double EmulatorCpuMs { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Measurement Parse(string json) => JsonSerializer.Deserialize<Measurement>(json, Json)
        ?? throw new InvalidOperationException("empty BENCH line");
}

/// <summary>One row of the table as written to Markdown and JSON.</summary>
internal sealed record ResultRow
{
    public required string Key { get; init; }
    public required string Scenario { get; init; }
    public string Limits { get; init; } = "";
    public long Items { get; init; }
    public long? Requests { get; init; }
    public long? MinimumRequests { get; init; }
    public long Sent503 { get; init; }
    public long Sent429 { get; init; }
    public long Failed { get; init; }
    public double? WallSeconds { get; init; }
    public double? IdealSeconds { get; init; }
    public double? WallOverIdeal => WallSeconds is { } w && IdealSeconds is { } i && i > 0 ? w / i : null;
    public long? NaiveItems { get; init; }
    public double? NaiveWallSeconds { get; init; }
    public long? NaiveRequests { get; init; }

    /// <summary>Per-item time of the naive way over that of the pipeline.</summary>
    public double? SpeedUp => NaiveWallSeconds is { } nw && NaiveItems is > 0 && WallSeconds is > 0 && Items > 0
        ? (nw / NaiveItems.Value) / (WallSeconds.Value / Items) : null;

    public string Notes { get; init; } = "";

    /// <summary>CPU seconds the emulator (this process) used during the pipeline's pwsh run.</summary>
    public double? EmulatorCpuSeconds { get; init; }

    [JsonIgnore]
    public bool Skipped { get; init; }
}
