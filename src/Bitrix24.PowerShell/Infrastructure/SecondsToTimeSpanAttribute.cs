using System;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>Lets a [TimeSpan] parameter take a number of seconds (7200) or a number with a unit (90s, 30m, 2h,
    /// 1.5d) as well as a TimeSpan or '02:00:00'; other text is refused with the forms that work.</summary>
    public sealed class SecondsToTimeSpanAttribute : ArgumentTransformationAttribute
    {
        private static readonly Regex WithUnit = new Regex(@"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case int i: return TimeSpan.FromSeconds(i);
                case long l: return TimeSpan.FromSeconds(l);
                case double d: return TimeSpan.FromSeconds(d);
                case string s: return FromText(s);
                default: return inputData;
            }
        }

        private static TimeSpan FromText(string text)
        {
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(seconds);
            var match = WithUnit.Match(text);
            if (match.Success)
            {
                var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                switch (char.ToLowerInvariant(match.Groups[2].Value[0]))
                {
                    case 's': return TimeSpan.FromSeconds(amount);
                    case 'm': return TimeSpan.FromMinutes(amount);
                    case 'h': return TimeSpan.FromHours(amount);
                    default: return TimeSpan.FromDays(amount);
                }
            }
            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
                return span;
            throw new ArgumentTransformationMetadataException("This parameter takes a time span: '02:00:00', seconds (7200), or a number with a unit (90s, 30m, 2h, 1d); '" + text + "' is none of these.");
        }
    }
}
