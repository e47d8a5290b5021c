using System.Text.Json.Nodes;
using Bitrix24.Emulator.Data;

namespace Bitrix24.Emulator.Areas.Users;

/// <summary>A portal user as user.get prints it (the docs' example fields).</summary>
internal sealed class UserRow
{
    public long Id { get; init; }
    public bool Active { get; set; } = true;
    public string Name { get; set; } = "";
    public string LastName { get; set; } = "";
    public string SecondName { get; set; } = "";
    public string Email { get; set; } = "";
    public DateTimeOffset? LastLogin { get; set; }
    public DateTimeOffset DateRegister { get; set; }
    public bool IsOnline { get; set; }
    public string PersonalGender { get; set; } = "";
    public string PersonalCity { get; set; } = "";
    public string PersonalMobile { get; set; } = "";
    public string WorkPhone { get; set; } = "";
    public string WorkPosition { get; set; } = "";
    public IReadOnlyList<long> Departments { get; set; } = new long[] { 1 };
    public string UserType { get; set; } = "employee";

    /// <summary>Portal administrator: bizproc methods need it.</summary>
    public bool IsAdmin { get; set; }

    private static readonly Func<UserRow, JsonNode?> EmptyObject = _ => new JsonObject();

    /// <summary>Fields in the docs' order. TIMESTAMP_X and LAST_ACTIVITY_DATE print as {} exactly as the
    /// user.get page shows (date objects the portal fails to serialize).</summary>
    public static readonly Schema<UserRow> Schema = new(
        new("ID", FieldKind.Integer, u => u.Id),
        new("ACTIVE", FieldKind.Boolean, u => u.Active),
        new("NAME", FieldKind.Text, u => u.Name),
        new("LAST_NAME", FieldKind.Text, u => u.LastName),
        new("SECOND_NAME", FieldKind.Text, u => u.SecondName),
        new("EMAIL", FieldKind.Text, u => u.Email),
        new("LAST_LOGIN", FieldKind.Date, u => u.LastLogin),
        new("DATE_REGISTER", FieldKind.Date, u => u.DateRegister),
        new("TIME_ZONE", FieldKind.Text, _ => ""),
        new("IS_ONLINE", FieldKind.YesNo, u => u.IsOnline),
        new("TIMESTAMP_X", FieldKind.Date, u => u.DateRegister, render: EmptyObject),
        new("LAST_ACTIVITY_DATE", FieldKind.Date, u => u.LastLogin, render: EmptyObject),
        new("PERSONAL_GENDER", FieldKind.Text, u => u.PersonalGender),
        new("PERSONAL_WWW", FieldKind.Text, _ => ""),
        new("PERSONAL_BIRTHDAY", FieldKind.Text, _ => ""),
        new("PERSONAL_MOBILE", FieldKind.Text, u => u.PersonalMobile),
        new("PERSONAL_CITY", FieldKind.Text, u => u.PersonalCity),
        new("WORK_PHONE", FieldKind.Text, u => u.WorkPhone),
        new("WORK_POSITION", FieldKind.Text, u => u.WorkPosition),
        new("UF_EMPLOYMENT_DATE", FieldKind.Text, _ => ""),
        new("UF_DEPARTMENT", FieldKind.IntegerList, u => u.Departments),
        new("USER_TYPE", FieldKind.Text, u => u.UserType));
}
