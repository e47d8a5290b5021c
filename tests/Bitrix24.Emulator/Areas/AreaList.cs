using Bitrix24.Emulator.Areas.Bizproc;
using Bitrix24.Emulator.Areas.Tasks;
using Bitrix24.Emulator.Areas.BizprocTasks;
using Bitrix24.Emulator.Areas.Users;

namespace Bitrix24.Emulator.Areas;

/// <summary>
/// Every API area of the portal, in the order they clear and seed (an area may read the areas before it).
/// Adding an area is one line here; see the README's "Adding an area".
/// </summary>
internal static class AreaList
{
    public static IReadOnlyList<PortalArea> Create(PortalState portal) =>
    [
        new UsersArea(portal),
        new BizprocArea(portal),
        new TasksArea(portal),
        new OAuth.OAuthArea(portal),
        new BizprocTasksArea(portal),
        new AppActivities.AppActivitiesArea(portal),
    ];
}
