using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text;

namespace Bitrix24.ScriptHost;

/// <summary>Plain-text renderings of pipeline objects and errors (the engine has no Format-* cmdlets).</summary>
public static class OutputFormatter
{
    /// <summary>A string as it is; any other object as <c>Name=value</c> lines of its properties.</summary>
    public static string Describe(PSObject? item)
    {
        if (item?.BaseObject is null)
            return "";
        if (item.BaseObject is string or ValueType)
            return Convert.ToString(item.BaseObject, CultureInfo.InvariantCulture) ?? "";

        var text = new StringBuilder();
        foreach (var property in item.Properties)
        {
            object? value;
            try
            {
                value = property.Value;
            }
            catch (Exception ex) when (ex is GetValueException or ExtendedTypeSystemException)
            {
                continue;
            }
            text.Append(property.Name).Append('=').AppendLine(Value(value));
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>An error as one line with its FullyQualifiedErrorId, its details and its target.</summary>
    public static string Describe(ErrorRecord error)
    {
        var text = new StringBuilder()
            .Append("ERROR [").Append(error.FullyQualifiedErrorId).Append("] ")
            .Append(error.ErrorDetails?.Message ?? error.Exception?.Message);
        if (error.TargetObject != null)
            text.Append(" (target: ").Append(Value(error.TargetObject)).Append(')');
        if (!string.IsNullOrEmpty(error.ErrorDetails?.RecommendedAction))
            text.Append(" Hint: ").Append(error.ErrorDetails.RecommendedAction);
        return text.ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "",
        PSObject ps when ps.BaseObject is not PSCustomObject => Value(ps.BaseObject),
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable sequence and not IDictionary => "[" + string.Join(", ", sequence.Cast<object?>().Select(Value)) + "]",
        _ => value.ToString() ?? "",
    };
}
