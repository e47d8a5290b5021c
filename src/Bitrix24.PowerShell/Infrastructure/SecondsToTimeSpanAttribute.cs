using System;
using System.Globalization;
using System.Management.Automation;

namespace Bitrix24.PowerShell.Infrastructure
{
    /// <summary>Lets a [TimeSpan] parameter take a number of seconds (7200) as well as a TimeSpan or '02:00:00'.</summary>
    public sealed class SecondsToTimeSpanAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case int i: return TimeSpan.FromSeconds(i);
                case long l: return TimeSpan.FromSeconds(l);
                case double d: return TimeSpan.FromSeconds(d);
                case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds): return TimeSpan.FromSeconds(seconds);
                default: return inputData;
            }
        }
    }
}
