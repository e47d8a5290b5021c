using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Bitrix24.Client.Models
{
    /// <summary>A portal user from user.get (named B24User so it never clashes with other User types).</summary>
    public sealed class B24User : B24Entity
    {
        [JsonPropertyName("ID")] public int Id { get; set; }
        [JsonPropertyName("ACTIVE")] public bool? Active { get; set; }
        [JsonPropertyName("NAME")] public string? Name { get; set; }
        [JsonPropertyName("LAST_NAME")] public string? LastName { get; set; }
        [JsonPropertyName("SECOND_NAME")] public string? SecondName { get; set; }
        [JsonPropertyName("EMAIL")] public string? Email { get; set; }
        [JsonPropertyName("WORK_POSITION")] public string? WorkPosition { get; set; }
        [JsonPropertyName("USER_TYPE")] public string? UserType { get; set; }
        [JsonPropertyName("IS_ONLINE")] public bool? IsOnline { get; set; }
        [JsonPropertyName("LAST_LOGIN")] public DateTimeOffset? LastLogin { get; set; }
        [JsonPropertyName("DATE_REGISTER")] public DateTimeOffset? DateRegister { get; set; }
        [JsonPropertyName("UF_DEPARTMENT")] public IReadOnlyList<int>? Departments { get; set; }

        [JsonIgnore]
        public string DisplayName => string.Join(" ", new[] { Name, LastName }).Trim();

        /// <summary>"7 Anna Smith": the id a cmdlet takes and the name a person reads.</summary>
        public override string ToString()
        {
            var id = Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return DisplayName.Length == 0 ? id : id + " " + DisplayName;
        }
    }
}
