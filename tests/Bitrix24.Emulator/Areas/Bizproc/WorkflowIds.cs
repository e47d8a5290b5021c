using System.Globalization;
using System.Text;

namespace Bitrix24.Emulator.Areas.Bizproc;

/// <summary>
/// Workflow ids shaped like the portal's (PHP uniqid with more entropy: <c>66e412fdc9bd44.36306599</c>), drawn
/// from the seeded Random so that string order is not creation order: keyset paging must order by the string.
/// </summary>
internal static class WorkflowIds
{
    public static string Next(Random random, Func<string, bool> isTaken)
    {
        while (true)
        {
            var id = new StringBuilder(23);
            for (var i = 0; i < 14; i++)
                id.Append("0123456789abcdef"[random.Next(16)]);
            id.Append('.').Append(random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture));
            var text = id.ToString();
            if (!isTaken(text))
                return text;
        }
    }
}
