using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Bitrix24.Client;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>
    /// The current connection of each runspace. Keyed on the runspace rather than held in a static, so that
    /// parallel runspaces (ForEach-Object -Parallel, jobs, the test suite) never see each other's portal.
    /// </summary>
    internal static class ConnectionStore
    {
        private sealed class Slot
        {
            public B24Client? Client;
        }

        private static readonly ConditionalWeakTable<Runspace, Slot> Slots = new ConditionalWeakTable<Runspace, Slot>();

        // Only reached when a cmdlet runs without a default runspace on its thread (not in a normal pipeline).
        private static readonly Slot Fallback = new Slot();

        private static Slot CurrentSlot
            => Runspace.DefaultRunspace is { } runspace ? Slots.GetValue(runspace, _ => new Slot()) : Fallback;

        public static B24Client? Current
        {
            get => CurrentSlot.Client;
            set => CurrentSlot.Client = value;
        }
    }
}
