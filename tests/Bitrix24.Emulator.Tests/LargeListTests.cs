using System.Text.Json.Nodes;
using Bitrix24.Emulator;
using Xunit;

namespace Bitrix24.Emulator.Tests;

/// <summary>
/// 100,000 running workflows listed to the end, as a client pages them: keyset pages chained inside batches
/// (<c>$result[p][49][ID]</c>), and offset pages. Every row comes exactly once, in order, with nothing skipped,
/// also when rows are terminated while the listing runs (the list indexes are rebuilt after every write).
/// No timing is asserted here; the benchmark measures it.
/// </summary>
public sealed class LargeListTests : EmulatorTestBase
{
    private const int Count = 100_000;
    private const string Instances = "bizproc.workflow.instances";

    protected override EmulatorOptions Options => new() { Rate = 1_000_000, Burst = 1_000_000, OperatingLimitSeconds = 1_000_000, SeedWorkflows = Count };

    [Fact]
    public async Task KeysetPagesInBatchesReturnEveryRowOnceInOrder()
    {
        var expected = Server.Portal.RunningWorkflowIds();
        Assert.Equal(Count, expected.Count);

        var first = await PostJsonAsync(Admin(Instances), new { SELECT = new[] { "ID" }, ORDER = new { ID = "ASC" }, start = 0 });
        Assert.Equal(Count, (int)first.Body["total"]!);
        var ids = first.Rows.Select(r => (string)r!["ID"]!).ToList();
        while (true)
        {
            var batch = await PostJsonAsync(Admin("batch"), new { halt = 1, cmd = KeysetPages(ids[^1]) });
            Assert.Equal(200, batch.Status);
            var pages = batch.Result["result"]!.AsObject();
            var done = false;
            foreach (var (_, page) in pages)
            {
                var rows = page!.AsArray().Select(r => (string)r!["ID"]!).ToList();
                ids.AddRange(rows);
                if (rows.Count < 50)
                {
                    done = true;
                    break;
                }
            }
            if (done)
                break;
        }

        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task OffsetPagesInBatchesCountAndReturnEveryRowOnce()
    {
        var ids = new List<string>();
        for (var start = 0; start < Count; start += 50 * 50)
        {
            var cmd = Enumerable.Range(0, 50).ToDictionary(i => "o" + i, i => $"{Instances}?SELECT[0]=ID&ORDER[STARTED]=DESC&start={start + i * 50}");
            var batch = await PostJsonAsync(Admin("batch"), new { halt = 1, cmd });
            foreach (var (key, total) in batch.Result["result_total"]!.AsObject())
                Assert.True(Count == (int)total!, key);
            ids.AddRange(batch.Result["result"]!.AsObject().SelectMany(p => p.Value!.AsArray()).Select(r => (string)r!["ID"]!));
        }

        Assert.Equal(Count, ids.Count);
        Assert.Equal(Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task RowsTerminatedBetweenKeysetPagesNeitherShiftNorRepeatTheRest()
    {
        var expected = Server.Portal.RunningWorkflowIds().ToList();
        var seen = new List<string>();
        var stoppedAhead = new HashSet<string>(StringComparer.Ordinal);
        var last = "";
        while (true)
        {
            var page = await PostJsonAsync(Admin(Instances), new { SELECT = new[] { "ID" }, ORDER = new { ID = "ASC" }, FILTER = new Dictionary<string, string> { [">ID"] = last }, start = -1 });
            var rows = page.Rows.Select(r => (string)r!["ID"]!).ToList();
            seen.AddRange(rows);
            if (rows.Count < 50)
                break;
            last = rows[^1];
            if (seen.Count % 5_000 == 0)
            {
                // Stop a row already seen and one not yet reached: the first must not come back, the second must go.
                Assert.Equal(200, (await PostJsonAsync(Admin("bizproc.workflow.terminate"), new { ID = rows[0] })).Status);
                var ahead = expected[expected.IndexOf(last) + 10];
                stoppedAhead.Add(ahead);
                Assert.Equal(200, (await PostJsonAsync(Admin("bizproc.workflow.terminate"), new { ID = ahead })).Status);
            }
        }

        Assert.Equal(expected.Where(id => !stoppedAhead.Contains(id)), seen);
    }

    private static Dictionary<string, string> KeysetPages(string after)
    {
        var cmd = new Dictionary<string, string>();
        for (var i = 0; i < 50; i++)
        {
            var bound = i == 0 ? after : $"$result[p{i - 1}][49][ID]";
            cmd["p" + i] = $"{Instances}?SELECT[0]=ID&ORDER[ID]=ASC&FILTER[>ID]={Uri.EscapeDataString(bound)}&start=-1";
        }
        return cmd;
    }
}
