using System.Text;
using System.Text.RegularExpressions;

namespace TicketApi.Drafts.Writing;

/// <summary>
/// An article's internal notes sorted under the tech-instructions headings (docs/drafts.md, "Writing a
/// draft: tech instructions"): Likely cause, Confirm, Fix, Watch out for, Prevent. A bullet's own label
/// picks its heading ("Complication:" and "Escalate" go under Watch out for); an unlabelled bullet joins
/// the heading before it. For staff only: nothing here is ever put in a reply.
/// </summary>
public static partial class TechNotes
{
    public const string LikelyCause = "Likely cause";
    public const string Confirm = "Confirm";
    public const string Fix = "Fix";
    public const string WatchOutFor = "Watch out for";
    public const string Prevent = "Prevent";
    public const string References = "References";

    public static IReadOnlyList<string> Headings { get; } = [LikelyCause, Confirm, Fix, WatchOutFor, Prevent];

    /// <summary>Heading -> its lines, in <see cref="Headings"/> order; headings the notes do not give are absent.</summary>
    public static IReadOnlyDictionary<string, List<string>> Sort(string internalNotes)
    {
        ArgumentNullException.ThrowIfNull(internalNotes);
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var heading = LikelyCause;
        foreach (var bullet in Bullets(internalNotes))
        {
            var labelled = Label().Match(bullet);
            var text = bullet;
            if (labelled.Success && HeadingFor(labelled.Groups["label"].Value) is { } named)
            {
                heading = named;
                // "Fix:" is said by the heading; "Fix when SSPR is not possible:" says more, so it stays.
                text = SimpleLabels.Contains(labelled.Groups["label"].Value.Trim()) ? labelled.Groups["text"].Value.Trim() : bullet;
            }
            else if (bullet.StartsWith("Escalate", StringComparison.OrdinalIgnoreCase))
            {
                heading = WatchOutFor;
            }
            if (!sections.TryGetValue(heading, out var lines))
            {
                sections[heading] = lines = [];
            }
            lines.Add(text);
        }
        return sections;
    }

    private static readonly HashSet<string> SimpleLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Likely cause", "Likely causes", "Cause", "Causes", "Confirm", "Check", "Triage", "Fix", "Workaround",
        "Complication", "Complications", "Watch out for", "Prevent", "Prevention",
    };

    private static string? HeadingFor(string label)
    {
        var l = label.Trim().ToLowerInvariant();
        return l switch
        {
            _ when l.StartsWith("likely cause", StringComparison.Ordinal) || l.StartsWith("cause", StringComparison.Ordinal) => LikelyCause,
            _ when l.StartsWith("confirm", StringComparison.Ordinal) || l.StartsWith("triage", StringComparison.Ordinal) || l.StartsWith("check", StringComparison.Ordinal) => Confirm,
            _ when l.StartsWith("fix", StringComparison.Ordinal) || l.StartsWith("workaround", StringComparison.Ordinal) => Fix,
            _ when l.StartsWith("complication", StringComparison.Ordinal) || l.StartsWith("escalat", StringComparison.Ordinal) || l.StartsWith("watch", StringComparison.Ordinal) => WatchOutFor,
            _ when l.StartsWith("prevent", StringComparison.Ordinal) => Prevent,
            _ => null,
        };
    }

    /// <summary>Each "- " bullet with its continuation lines joined, inline marks kept (commands stay exact).</summary>
    private static IEnumerable<string> Bullets(string notes)
    {
        StringBuilder? current = null;
        foreach (var raw in notes.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return current.ToString();
                }
                current = new StringBuilder(line[2..].Trim());
            }
            else if (line.Length > 0)
            {
                current = current is null ? new StringBuilder(line) : current.Append(' ').Append(line);
            }
        }
        if (current is not null)
        {
            yield return current.ToString();
        }
    }

    [GeneratedRegex(@"^(?<label>[A-Za-z][A-Za-z /-]{0,40}?):\s+(?<text>.+)$", RegexOptions.Singleline)]
    private static partial Regex Label();
}
