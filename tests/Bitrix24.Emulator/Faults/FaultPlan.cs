using System.Text.Json.Nodes;

namespace Bitrix24.Emulator.Faults;

/// <summary>
/// The rules in force and their counters. Each rule counts the requests it matches on its own; for each
/// request the first rule (in the order added) that fires decides the fault. Thread-safe; a reset puts back
/// the rules from the options (<c>--faults</c>) with fresh counters and Randoms.
/// </summary>
internal sealed class FaultPlan
{
    private sealed class Entry(FaultRule rule, Random random)
    {
        public FaultRule Rule { get; } = rule;
        public Random Random { get; } = random;
        public long Seen { get; set; }
        public long Fired { get; set; }
    }

    private readonly object _gate = new();
    private readonly int _randomSeed;
    private readonly IReadOnlyList<FaultRule> _initial;
    private readonly List<Entry> _entries = new();
    private int _added;

    public FaultPlan(int randomSeed, IReadOnlyList<FaultRule> initial)
    {
        _randomSeed = randomSeed;
        _initial = initial;
        Reset();
    }

    /// <summary>Adds rules after the existing ones; returns them as named.</summary>
    public IReadOnlyList<FaultRule> Add(IEnumerable<FaultRule> rules)
    {
        lock (_gate)
        {
            var added = new List<FaultRule>();
            foreach (var rule in rules)
            {
                var number = ++_added;
                var named = rule.Name.Length > 0 ? rule : rule with { Name = "rule" + number };
                _entries.Add(new Entry(named, new Random(named.Seed ?? unchecked(_randomSeed + number))));
                added.Add(named);
            }
            return added;
        }
    }

    /// <summary>No rules at all (also none of the options').</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _added = 0;
        }
    }

    /// <summary>Back to the options' rules with fresh counters.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Clear();
            Add(_initial);
        }
    }

    /// <summary>The fault for one request to <paramref name="method"/>, or null; counts it.</summary>
    public FaultRule? Decide(string method)
    {
        lock (_gate)
        {
            FaultRule? chosen = null;
            foreach (var entry in _entries)
            {
                var rule = entry.Rule;
                if (rule.Method is not null && rule.Method != method)
                    continue;
                entry.Seen++;
                // Every eligible request rolls the rule's dice, so a share rule's picks do not depend on other rules.
                var eligible = entry.Seen >= rule.Nth && (rule.Times is not { } times || entry.Fired < times);
                var picked = eligible && (rule.Share is not { } share || entry.Random.NextDouble() < share);
                if (picked && chosen is null)
                {
                    entry.Fired++;
                    chosen = rule;
                }
            }
            return chosen;
        }
    }

    /// <summary>The rules with how many requests each matched and how often it fired.</summary>
    public JsonObject Describe()
    {
        lock (_gate)
            return new JsonObject
            {
                ["rules"] = new JsonArray(_entries.Select(e =>
                {
                    var json = e.Rule.Describe();
                    json["seen"] = e.Seen;
                    json["fired"] = e.Fired;
                    return (JsonNode?)json;
                }).ToArray()),
            };
    }
}
