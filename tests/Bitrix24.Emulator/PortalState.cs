using Bitrix24.Emulator.Areas;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator;

/// <summary>
/// The portal's data, held by its API areas (see <see cref="AreaList"/>), guarded by one lock, with one seeded
/// Random so that the same seed gives the same rows. What tests read and seed of each area is in that area's
/// folder (a part of this class, e.g. Areas/Bizproc/PortalState.Bizproc.cs).
/// </summary>
public sealed partial class PortalState
{
    private readonly int _randomSeed;
    private readonly IReadOnlyList<PortalArea> _areas;
    private readonly Dictionary<Type, PortalArea> _byType;

    internal PortalState(int randomSeed)
    {
        _randomSeed = randomSeed;
        Random = new Random(randomSeed);
        _areas = AreaList.Create(this);
        _byType = _areas.ToDictionary(a => a.GetType());
        Clear();
    }

    /// <summary>The one lock: method handlers, seeding and clearing run under it.</summary>
    internal object SyncRoot { get; } = new();

    /// <summary>Sorted lists kept between calls; dropped by <see cref="Changed"/>.</summary>
    internal ListIndexes ListIndexes { get; } = new();

    /// <summary>The rows may have changed (a write method ran, seeding, clearing): list indexes are rebuilt.</summary>
    internal void Changed() => ListIndexes.Changed();

    /// <summary>The seeded Random every area draws generated data from.</summary>
    internal Random Random { get; private set; }

    /// <summary>The areas in list order (they clear and seed in this order).</summary>
    internal IReadOnlyList<PortalArea> Areas => _areas;

    internal T Area<T>() where T : PortalArea => (T)_byType[typeof(T)];

    /// <summary>Back to the start: a fresh Random with the same seed, every area back to its base rows.</summary>
    internal void Clear()
    {
        lock (SyncRoot)
        {
            Changed();
            Random = new Random(_randomSeed);
            foreach (var area in _areas)
                area.Clear();
        }
    }

    /// <summary>What the options ask every area to seed (at start and after reset).</summary>
    internal void SeedFromOptions(EmulatorOptions options)
    {
        lock (SyncRoot)
        {
            Changed();
            foreach (var area in _areas)
                area.SeedFromOptions(options);
        }
    }
}
