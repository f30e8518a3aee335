using System.Text.RegularExpressions;

namespace TicketApi.Drafts.Writing;

/// <summary>
/// Lays out the reply (docs/drafts.md, "Writing a draft: the reply"): greeting by first name, a short
/// acknowledgement, the article's steps as numbered lines, the questions when any, a closing. Plain text,
/// paragraphs apart by one blank line. Its words come from this class and from article bodies only, never
/// from the ticket (apart from a first name that passes <see cref="FirstName"/>), so ticket text cannot
/// steer what the reply says and internal notes have no way in. The refinements
/// (<see cref="ReplyRefinements"/>) rewrite exactly these phrases.
/// </summary>
public static partial class ReplyComposer
{
    public const string Thanks = "Thanks for getting in touch.";
    public const string Sorry = "Sorry for the trouble this is causing.";
    public const string ConfidentIntro = "These steps should sort it out:";
    public const string TentativeIntro = "While we look into it, these steps often help:";
    public const string Logged = "We have your request and someone from the team will pick it up.";
    public const string QuestionsIntro = "So that we can help you properly, could you tell us:";
    public const string SignOff = "Best regards,\nThe support team";
    public const string NeutralGreeting = "Hello,";

    /// <param name="steps">Null when no article fits.</param>
    public static string Compose(string? requesterName, bool unhappy, ArticleSteps? steps, bool confident, IReadOnlyList<string> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var paragraphs = new List<string> { Greeting(requesterName), unhappy ? $"{Thanks} {Sorry}" : Thanks };
        if (steps is { Steps.Count: > 0 })
        {
            paragraphs.Add((confident ? ConfidentIntro : TentativeIntro) + "\n" + Numbered(steps.Steps));
            if (confident)
            {
                paragraphs.AddRange(steps.Paragraphs);
            }
        }
        else
        {
            paragraphs.Add(Logged);
        }
        if (questions.Count > 0)
        {
            paragraphs.Add(QuestionsIntro + "\n" + Numbered(questions));
        }
        paragraphs.Add(SignOff);
        return string.Join("\n\n", paragraphs);
    }

    public static string Numbered(IEnumerable<string> lines) =>
        string.Join('\n', lines.Select((line, i) => $"{i + 1}. {line}"));

    public static string Greeting(string? requesterName) =>
        FirstName(requesterName) is { } name ? $"Hi {name}," : NeutralGreeting;

    /// <summary>The first word of the name when it looks like a name (letters, apostrophe, hyphen; at most 40): anything else gets the neutral greeting.</summary>
    public static string? FirstName(string? requesterName)
    {
        var first = requesterName?.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && Name().IsMatch(first) ? char.ToUpperInvariant(first[0]) + first[1..] : null;
    }

    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{M}'’-]{0,39}$|^\p{Ll}[\p{Ll}\p{M}'’-]{1,39}$")]
    private static partial Regex Name();
}
