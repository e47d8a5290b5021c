// dotnet run --project tests/Bitrix24.Benchmarks -c Release -- [--quick] [--out DIR] [--only KEY,KEY]
// Starts the emulator (in this process) with the portal's limits and 20 ms latency, runs every scenario of
// Scenarios.ps1 in a fresh real pwsh (dotnet pwsh) through the built out/Bitrix24, and prints and writes the table
// (DIR/benchmark-full.md and .json, or benchmark-quick.*; DIR defaults to out/benchmarks). --quick multiplies the
// drain by 10 (the ratios mean the same) and shortens the operating window, so the whole run takes under 3 minutes.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bitrix24.Benchmarks;
using Bitrix24.Emulator;
using Bitrix24.ScriptHost;

var quick = false;
string? outDir = null;
HashSet<string>? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            quick = true;
            break;
        case "--out" when i + 1 < args.Length:
            outDir = args[++i];
            break;
        case "--only" when i + 1 < args.Length:
            only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            break;
        case "-h" or "--help":
            Console.WriteLine("usage: Bitrix24.Benchmarks [--quick] [--out DIR] [--only KEY,KEY]   keys: " + string.Join(", ", Plan.Keys));
            return 0;
        default:
            Console.Error.WriteLine("Unknown argument: " + args[i]);
            return 2;
    }
}

var root = ModuleLocator.RepositoryRoot ?? throw new InvalidOperationException("Run from inside the repository.");
var runner = new Runner(root, ModuleLocator.ManifestPath, Path.Combine(root, "tests", "Bitrix24.Benchmarks", "Scenarios.ps1"));
var mode = quick ? "quick" : "full";
Console.WriteLine($"Benchmark ({mode}): module {ModuleLocator.ManifestPath}, {Environment.ProcessorCount} cores");
var total = Stopwatch.StartNew();
await Runner.WarmUpAsync();
var rows = new List<ResultRow>();
foreach (var step in Plan.Steps(quick).Where(s => only is null || only.Contains(s.Key)))
{
    Console.WriteLine($"  {step.Key}…");
    var row = await step.Run(runner);
    rows.Add(row);
    Console.WriteLine("    " + Report.Line(row));
}

var markdown = Report.Markdown(rows, mode, total.Elapsed);
Console.WriteLine();
Console.WriteLine(markdown);
outDir ??= Path.Combine(root, "out", "benchmarks");
Directory.CreateDirectory(outDir);
await File.WriteAllTextAsync(Path.Combine(outDir, $"benchmark-{mode}.md"), markdown);
await File.WriteAllTextAsync(Path.Combine(outDir, $"benchmark-{mode}.json"), Report.Json(rows, mode, total.Elapsed));
Console.WriteLine($"Written: {Path.Combine(outDir, $"benchmark-{mode}.md")} and .json ({total.Elapsed.TotalSeconds:0} s)");
return 0;

namespace Bitrix24.Benchmarks
{
    /// <summary>Runs Scenarios.ps1 in a fresh dotnet pwsh against an emulator started for that run alone.</summary>
    internal sealed class Runner(string root, string manifest, string script)
    {
        public async Task<Measurement> RunAsync(string scenario, PortalLimits limits, Action<EmulatorOptions> configure, string? csv = null, int? count = null)
        {
            var options = new EmulatorOptions { Rate = limits.Drain, Burst = limits.Burst, LatencyMs = limits.LatencyMs };
            configure(options);
            await using var portal = await EmulatorServer.StartAsync(options);
            var arguments = new List<string>
            {
                "-Scenario", scenario, "-Manifest", manifest, "-Control", new Uri(portal.BaseUrl, "emulator").ToString().TrimEnd('/'),
                "-Rate", limits.Drain.ToString(CultureInfo.InvariantCulture), "-Burst", limits.Burst.ToString(CultureInfo.InvariantCulture),
            };
            if (csv is not null)
                arguments.AddRange(["-Csv", csv]);
            if (count is int n)
                arguments.AddRange(["-Count", n.ToString(CultureInfo.InvariantCulture)]);
            string? line = null;
            var errors = new StringBuilder();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var exit = await Task.Run(() => DotnetPwsh.RunFile(root, script, arguments,
                new Dictionary<string, string?> { ["B24_WEBHOOK_URL"] = portal.WebhookUrl },
                output => { if (output.StartsWith("BENCH ", StringComparison.Ordinal)) line = output[6..]; },
                error => errors.AppendLine(error)));
            var emulatorCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (line is null)
                throw new InvalidOperationException($"Scenario '{scenario}' printed no result (exit code {exit}): {errors}");
            return Measurement.Parse(line) with { EmulatorCpuMs = emulatorCpu.TotalMilliseconds };
        }

        /// <summary>Runs the emulator's list, batch and write paths until the runtime has compiled them fully (a method is
        /// recompiled optimized after 30 calls, in the background, a moment later), so that the emulator's warm-up is not
        /// in the measured scenarios, on the cores the measured pwsh shares. (Run once, the emulator took 2.5 s of CPU to serve
        /// the streaming scenario; after this, 1.9–2.0 s. A standalone emulator serving the same listing for the third time
        /// takes 0.6–0.7 s: the rest is its collector and tiering settling over a heap of 100,000 rows.)</summary>
        public static async Task WarmUpAsync()
        {
            await using var portal = await EmulatorServer.StartAsync(new EmulatorOptions { Rate = 1_000, Burst = 1_000, SeedWorkflows = 3_000, SeedBizprocTasks = 50 });
            using var http = new HttpClient();
            async Task Post(string method, string json)
                => (await http.PostAsync(portal.WebhookUrl + method, new StringContent(json, Encoding.UTF8, "application/json"))).Dispose();
            var pages = string.Join(",", Enumerable.Range(0, 50).Select(i =>
                $"\"p{i}\":\"bizproc.workflow.instances?ORDER[ID]=ASC&start=-1&FILTER[>ID]={(i == 0 ? "" : $"$result[p{i - 1}][49][ID]")}\""));
            var adds = string.Join(",", Enumerable.Range(0, 50).Select(i => $"\"t{i}\":\"tasks.task.add?fields[TITLE]=warm{i}&fields[RESPONSIBLE_ID]=1\""));
            for (var round = 0; round < 40; round++)
            {
                await Post("batch", "{\"halt\":1,\"cmd\":{" + pages + "}}");
                await Post("bizproc.workflow.instances", "{\"start\":50}");
                await Post("batch", "{\"halt\":0,\"cmd\":{" + adds + "}}");
                await Post("bizproc.task.list", "{}");
            }
            await Task.Delay(TimeSpan.FromSeconds(1)); // the background recompilation
        }
    }

    /// <summary>What is measured, at which limits and sizes.</summary>
    internal static class Plan
    {
        public static readonly string[] Keys = ["list", "stop-2-50", "stop-5-250", "csv", "bizproc-task", "budget", "stream", "cold"];

        public static IEnumerable<Step> Steps(bool quick)
        {
            var scale = quick ? 10 : 1; // --quick: a 10× drain; bursts stay, so the shape is the same
            var cloud = new PortalLimits(2 * scale, 50, 20);
            var enterprise = new PortalLimits(5 * scale, 250, 20);

            yield return Step.Bulk(new Scenario("list", "List 10,000 workflows (`Get-B24Workflow`)", "list", 10_000, Scenario.ListRequests(10_000), Scenario.ListRequests(10_000), cloud)
            { Naive = ("naive-list", 1_000), Note = "naive: `Invoke-B24Method … -All`, one request per page of 50" });
            foreach (var (key, limits, naive) in new[] { ("stop-2-50", cloud, 150), ("stop-5-250", enterprise, 300) })
                yield return Step.Bulk(new Scenario(key, $"`Get-B24Workflow | Stop-B24Workflow` 5,000 at {limits}", "stop", 5_000,
                    Scenario.ListRequests(5_000) + Scenario.WriteRequests(5_000), Scenario.ListRequests(5_000) + 1, limits) { Naive = ("naive-stop", naive) });
            yield return Step.Bulk(new Scenario("csv", "`Import-Csv | Add-B24Task` 2,000 rows", "csv", 2_000, Scenario.WriteRequests(2_000), 1, cloud)
            { Naive = ("naive-csv", 150), Seed = (_, _) => { } });
            yield return Step.Bulk(new Scenario("bizproc-task", "`Get-B24BizprocTask | Complete-B24BizprocTask` 2,000", "bizproc-task", 2_000,
                Scenario.ListRequests(2_000) + Scenario.WriteRequests(2_000), Scenario.ListRequests(2_000) + 1, cloud)
            { Naive = ("naive-bizproc-task", 150), Seed = (o, n) => o.SeedBizprocTasks = n });

            // The operating budget: 0.01 s charged per call, 5 s allowed per window, so 501 terminates fit in one window.
            var window = quick ? 10 : 30;
            const double limit = 5, cost = 0.01;
            var perWindow = (int)Math.Floor(limit / cost) + 1;
            yield return Step.Bulk(new Scenario("budget", $"Operating budget: `Get | Stop` 2,000, {perWindow} terminates per {window} s window", "stop", 2_000,
                Scenario.ListRequests(2_000) + Scenario.WriteRequests(2_000), Scenario.ListRequests(2_000) + 1, cloud)
            {
                Seed = (o, n) => { o.SeedWorkflows = n; o.OperatingWindowSeconds = window; o.OperatingLimitSeconds = limit; o.OperatingCostSeconds = cost; },
                BudgetFloor = () => ((2_000 + perWindow - 1) / perWindow - 1) * (double)window,
                Note = $"`--operating-window {window} --operating-limit {limit} --operating-cost {cost}`; ideal = the windows the budget needs",
            });
            yield return new StreamStep(quick);
            yield return new ColdStep(quick ? 3 : 7);
        }
    }

    /// <summary>One measured row.</summary>
    internal abstract class Step
    {
        public abstract string Key { get; }

        public abstract Task<ResultRow> Run(Runner runner);

        public static Step Bulk(Scenario scenario) => new BulkStep(scenario);
    }

    /// <summary>A pipeline at the portal's limits, and its naive way on a smaller N.</summary>
    internal sealed class BulkStep(Scenario scenario) : Step
    {
        public override string Key => scenario.Key;

        public override async Task<ResultRow> Run(Runner runner)
        {
            var csv = scenario.Script == "csv" ? Csv(scenario.Items) : null;
            var run = await runner.RunAsync(scenario.Script, scenario.Limits, o => scenario.Seed(o, scenario.Items), csv);
            if (run.Skipped is { } why)
                return new ResultRow { Key = Key, Scenario = scenario.Title, Limits = scenario.Limits.ToString(), Notes = "skipped: " + why, Skipped = true };
            Measurement? naive = null;
            if (scenario.Naive is { } n)
                naive = await runner.RunAsync(n.Script, scenario.Limits, o => scenario.Seed(o, n.Items), scenario.Script == "csv" ? Csv(n.Items) : null);
            var items = scenario.Script is "list" ? run.Rows : run.Writes;
            var notes = new List<string>();
            if (items < scenario.Items)
                notes.Add($"only {items:N0} of {scenario.Items:N0} done");
            if (run.Failed > 0)
                notes.Add($"{run.Failed} items failed ({run.FirstError})");
            if (run.Aborted is { } aborted)
                notes.Add("pipeline stopped: " + aborted);
            if (naive is not null && naive.Failed > 0)
                notes.Add($"naive: {naive.Failed} failed ({naive.FirstError})");
            if (scenario.Note is { } note)
                notes.Add(note);
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"emulator CPU {run.EmulatorCpuMs / 1000:0.00} s"));
            return new ResultRow
            {
                Key = Key,
                Scenario = scenario.Title,
                Limits = scenario.Limits.ToString(),
                Items = items,
                Requests = run.Requests,
                MinimumRequests = scenario.MinimumRequests,
                Sent503 = run.Sent503,
                Sent429 = run.Sent429,
                Failed = run.Failed,
                WallSeconds = run.WallMs / 1000,
                IdealSeconds = scenario.IdealSeconds,
                NaiveItems = naive is null ? null : scenario.Script is "list" ? naive.Rows : naive.Writes,
                NaiveWallSeconds = naive?.WallMs / 1000,
                NaiveRequests = naive?.Requests,
                EmulatorCpuSeconds = run.EmulatorCpuMs / 1000,
                Notes = string.Join("; ", notes),
            };
        }

        private static string Csv(int rows)
        {
            var path = Path.Combine(Path.GetTempPath(), $"b24-bench-{rows}-{Environment.ProcessId}.csv");
            var text = new StringBuilder("Title,ResponsibleId,Description\n");
            for (var i = 1; i <= rows; i++)
                text.Append(CultureInfo.InvariantCulture, $"Invoice {i} check,1,Row {i} of the import\n");
            File.WriteAllText(path, text.ToString());
            return path;
        }
    }

    /// <summary>Get-B24Workflow | ForEach-Object over 100,000 rows with no limits and no latency: the client's own
    /// speed (rows/s of wall and of pwsh CPU) and peak working set, beside the same for 10,000. Then the two parts
    /// of that CPU, each in a fresh pwsh of its own: the module alone (the listing collected, no command downstream)
    /// and PowerShell alone (the same ForEach-Object over 100,000 numbers, no module call).</summary>
    internal sealed class StreamStep(bool quick) : Step
    {
        public override string Key => "stream";

        public override async Task<ResultRow> Run(Runner runner)
        {
            var none = new PortalLimits(1_000, 1_000, 0); // Connect-B24's highest; 40 requests never reach the burst
            const int Small = 10_000, Large = 100_000;
            Action<EmulatorOptions> Seed(int n) => o => { o.SeedWorkflows = n; o.OperatingLimitSeconds = 1_000_000; };
            var small = await runner.RunAsync("list", none, Seed(Small));
            var large = await runner.RunAsync("list", none, Seed(Large));
            var module = await runner.RunAsync("list-alone", none, Seed(Large));
            var shell = await runner.RunAsync("foreach-alone", none, _ => { }, count: Large);
            _ = quick;
            static double PerSecond(Measurement m) => m.Rows / (m.CpuMs / 1000);
            return new ResultRow
            {
                Key = Key,
                Scenario = "Streaming 100,000 rows (`Get-B24Workflow | ForEach-Object`), no limits, no latency",
                Limits = "1000/1000, 0 ms",
                Items = large.Rows,
                Requests = large.Requests,
                MinimumRequests = Scenario.ListRequests(Large),
                Sent503 = large.Sent503,
                Sent429 = large.Sent429,
                Failed = large.Failed,
                WallSeconds = large.WallMs / 1000,
                EmulatorCpuSeconds = large.EmulatorCpuMs / 1000,
                Notes = string.Create(CultureInfo.InvariantCulture,
                    $"emulator CPU {large.EmulatorCpuMs / 1000:0.00} s; {large.Rows / (large.WallMs / 1000):0} rows/s wall, {PerSecond(large):0} rows/s of pwsh CPU ({large.CpuMs / 1000:0.00} s) end to end; "
                    + $"the module alone (`$rows = @(Get-B24Workflow).Count`, {module.Rows:N0} rows) {module.CpuMs / 1000:0.00} s of CPU, {PerSecond(module):0} rows/s; "
                    + $"PowerShell alone (`1..{Large} | ForEach-Object {{ $rows++ }}`) {shell.CpuMs / 1000:0.00} s, {PerSecond(shell):0} rows/s; "
                    + $"peak working set {large.PeakWorkingSetMB:0} MB (10,000 rows: {small.PeakWorkingSetMB:0} MB, +{large.PeakWorkingSetMB - small.PeakWorkingSetMB:0} MB; "
                    + $"{small.WallMs / 1000:0.00} s, {PerSecond(small):0} rows/s of CPU)"),
            };
        }
    }

    /// <summary>Import-Module + Connect-B24 + first call in a fresh pwsh, against a cold Invoke-RestMethod of the
    /// same call in a fresh pwsh: medians of several processes, run alternately.</summary>
    internal sealed class ColdStep(int runs) : Step
    {
        public override string Key => "cold";

        public override async Task<ResultRow> Run(Runner runner)
        {
            var limits = new PortalLimits(1_000, 1_000, 20);
            var module = new List<double>();
            var rest = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                module.Add((await runner.RunAsync("cold-module", limits, _ => { })).ColdMs);
                rest.Add((await runner.RunAsync("cold-rest", limits, _ => { })).ColdMs);
            }
            double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
            var (m, r) = (Median(module), Median(rest));
            return new ResultRow
            {
                Key = Key,
                Scenario = "Cold start: `Import-Module` + `Connect-B24` + first call vs a cold `Invoke-RestMethod`",
                Limits = "20 ms",
                Items = 1,
                Requests = 2,
                MinimumRequests = 1,
                WallSeconds = m / 1000,
                IdealSeconds = r / 1000,
                Notes = string.Create(CultureInfo.InvariantCulture,
                    $"medians of {runs} fresh pwsh each: module {m:0} ms, Invoke-RestMethod {r:0} ms (the ideal column); Connect-B24 makes a check call"),
            };
        }
    }

    /// <summary>The table as Markdown and JSON.</summary>
    internal static class Report
    {
        private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

        /// <summary>A table cell: a pipe splits cells even inside a code span unless escaped.</summary>
        private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

        public static string Line(ResultRow row) => row.Skipped
            ? row.Notes
            : $"{row.Items} items, {row.Requests} requests (min {row.MinimumRequests}), {row.Sent503}×503 {row.Sent429}×429, "
              + $"wall {F(row.WallSeconds, "0.00")} s, ideal {F(row.IdealSeconds, "0.00")} s, naive {row.NaiveItems} in {F(row.NaiveWallSeconds, "0.0")} s {row.Notes}";

        public static string Markdown(IReadOnlyList<ResultRow> rows, string mode, TimeSpan took)
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"Benchmark, {mode} run, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {took.TotalSeconds:0} s in all. Latency 20 ms; limits drain/burst{(mode == "quick" ? " (quick: drain ×10)" : "")}.");
            text.AppendLine();
            text.AppendLine("| scenario | limits | items | HTTP requests (min) | 503 / 429 | wall s | ideal s | wall/ideal | naive: items, wall s | speed-up | notes |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var row in rows)
            {
                if (row.Skipped)
                {
                    text.AppendLine($"| {Cell(row.Scenario)} | {row.Limits} | — | — | — | — | — | — | — | — | {Cell(row.Notes)} |");
                    continue;
                }
                var naive = row.NaiveItems is { } n ? $"{n}, {F(row.NaiveWallSeconds, "0.0")}" : "—";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Cell(row.Scenario)} | {row.Limits} | {row.Items:N0} | {row.Requests} ({row.MinimumRequests}) | {row.Sent503} / {row.Sent429} | {F(row.WallSeconds, "0.00")} | {F(row.IdealSeconds, "0.00")} | {F(row.WallOverIdeal, "0.00")} | {naive} | {F(row.SpeedUp, "0.0")}{(row.SpeedUp is null ? "" : "×")} | {Cell(row.Notes)} |");
            }
            text.AppendLine();
            text.AppendLine("Ideal = max(0, R_min − burst) / drain + the dependent round trips × 20 ms (a listing's requests wait for each other); "
                + "speed-up = the naive way's time per item over the pipeline's. Wall time is the pipeline alone, after Import-Module and Connect-B24.");
            return text.ToString();
        }

        public static string Json(IReadOnlyList<ResultRow> rows, string mode, TimeSpan took) => JsonSerializer.Serialize(new
        {
            mode,
            date = DateTimeOffset.UtcNow,
            cores = Environment.ProcessorCount,
            seconds = Math.Round(took.TotalSeconds, 1),
            rows,
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
    }
}
