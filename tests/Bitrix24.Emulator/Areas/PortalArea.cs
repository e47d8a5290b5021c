using System.Text.Json.Nodes;
using Bitrix24.Emulator.Api;

namespace Bitrix24.Emulator.Areas;

/// <summary>
/// One API area of the emulated portal (users, bizproc, tasks…): it registers its REST methods, owns its rows,
/// clears them back to its base rows and seeds itself, from the options at start/reset and from its section of
/// <c>POST /emulator/seed</c>. Every member runs under <see cref="PortalState.SyncRoot"/>. Areas are created
/// once per portal, in the order of <see cref="AreaList"/> (later areas may read earlier ones).
/// </summary>
internal abstract class PortalArea
{
    protected PortalArea(PortalState portal) => Portal = portal;

    /// <summary>The portal this area belongs to: its lock, its seeded Random, the other areas.</summary>
    public PortalState Portal { get; }

    /// <summary>Top-level keys of <c>POST /emulator/seed</c> this area reads (its section). Keys no area
    /// claims are refused with 400.</summary>
    public virtual IReadOnlyCollection<string> SeedKeys => [];

    /// <summary>Adds the area's REST methods (and, if it has them, auth schemes or extra endpoints).</summary>
    public abstract void Register(MethodRegistry methods);

    /// <summary>Back to the start: drop every row and add the base rows. Runs in list order after the
    /// portal's Random was renewed, so seeded data stays reproducible.</summary>
    public abstract void Clear();

    /// <summary>Seeds what the options ask for (at start and after every reset), in list order.</summary>
    public virtual void SeedFromOptions(EmulatorOptions options)
    {
    }

    /// <summary>Seeds from this area's section of <c>POST /emulator/seed</c> (empty when the request names none
    /// of its keys); the properties returned are merged into the answer. Validate the whole section before
    /// changing anything; throw <see cref="ArgumentException"/> for what cannot be seeded (400, message shown).</summary>
    public virtual JsonObject Seed(SeedSection section) => new();
}
