using Bitrix24.Emulator.Areas.Users;

namespace Bitrix24.Emulator;

/// <summary>What tests read and seed of the users area (each call takes the portal lock).</summary>
public sealed partial class PortalState
{
    /// <summary>Ids of all users.</summary>
    public IReadOnlyList<int> UserIds()
    {
        lock (SyncRoot)
            return Area<UsersArea>().All.Select(u => (int)u.Id).OrderBy(id => id).ToList();
    }

    /// <summary>Adds users besides the admin (1) and the non-admin (2).</summary>
    public void SeedUsers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (SyncRoot)
        {
            Changed();
            Area<UsersArea>().SeedRandom(count);
        }
    }
}
