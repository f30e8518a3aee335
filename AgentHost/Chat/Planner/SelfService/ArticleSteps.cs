using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner.SelfService;

/// <summary>
/// The first numbered steps of an article's customer-safe body (its <c>## Steps</c> list, docs/knowledge-base.md),
/// as plain sentences: wrapped lines joined, markdown emphasis and code marks dropped. Only the body is ever read
/// here, never the internal notes.
/// </summary>
public static partial class ArticleSteps
{
    /// <summary>How many steps self-service offers: enough to try at once, few enough to read in a chat.</summary>
    public const int Offered = 3;

    public static IReadOnlyList<string> First(string customerSafeBody, int count = Offered)
    {
        ArgumentNullException.ThrowIfNull(customerSafeBody);
        var steps = new List<string>();
        foreach (var line in customerSafeBody.ReplaceLineEndings("\n").Split('\n'))
        {
            if (Numbered().Match(line) is { Success: true } item)
            {
                if (steps.Count == count)
                {
                    break;
                }

                steps.Add(item.Groups["text"].Value.Trim());
            }
            else if (steps.Count > 0 && line.StartsWith("   ", StringComparison.Ordinal) && line.Trim().Length > 0)
            {
                steps[^1] += " " + line.Trim(); // a wrapped step continues indented
            }
            else if (steps.Count > 0 && line.Trim().Length > 0)
            {
                break; // the list ended
            }
        }

        return steps.Select(Plain).ToList();
    }

    private static string Plain(string step) => Emphasis().Replace(step, "");

    [GeneratedRegex(@"^\s{0,3}\d{1,2}[.)]\s+(?<text>.+)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\*\*|__|`")]
    private static partial Regex Emphasis();
}
