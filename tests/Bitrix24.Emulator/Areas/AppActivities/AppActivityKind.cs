namespace Bitrix24.Emulator.Areas.AppActivities;

/// <summary>
/// What differs between robots (bizproc.robot.*) and workflow activities (bizproc.activity.*): the method
/// prefix, the documented texts of two errors, and which document types a definition may name. Everything
/// else — validation, storage, the per-application code namespace — is shared (<see cref="AppActivityMethods"/>).
/// </summary>
internal sealed record AppActivityKind(string Prefix, bool IsRobot, string AlreadyInstalled, string UpdateNotFound, string DeleteNotFound, bool CrmOnly)
{
    public static readonly AppActivityKind Robot = new("bizproc.robot", true,
        "Activity or Automation rule already installed!", "Activity or Automation Rule not found!", "Activity or Robot not found!", CrmOnly: true);

    public static readonly AppActivityKind Activity = new("bizproc.activity", false,
        "Activity or Robot already installed!", "Activity or Automation rule not found!", "Activity or Automation rule not found!", CrmOnly: false);
}
