using System.Text.Json;
using System.Text.RegularExpressions;

namespace TicketApi.Drafts.Writing.Model;

/// <summary>The model's answer could not be used; the message says why (it becomes the fallback draft's remark).</summary>
public sealed class DraftModelException(string message) : Exception(message);

/// <summary>
/// Reads and checks the model's draft (<see cref="DraftPrompt.Schema"/>; docs/drafts.md, "Writing a draft with a
/// model"). The answer crosses a trust boundary: every field is checked, sources must be among the keys the
/// model was given, and the reply must not hold a sentence of any retrieved article's internal notes.
/// </summary>
public static partial class DraftAnswer
{
    /// <summary>A notes fragment of at least this many words found in a reply counts as a leak; shorter ones ("restart the laptop") are common words.</summary>
    public const int LeakWords = 5;

    public const int MaxQuestions = 5;

    public static DraftContent Parse(string text, DraftEvidence evidence, string generatedBy)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new DraftModelException($"the answer is not JSON ({ex.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DraftModelException("the answer is JSON but not an object");
            }
            var reply = String(root, "reply").Trim();
            var tech = String(root, "tech_instructions").Trim();
            var status = String(root, "solution_status");
            if (!SolutionStatuses.All.Contains(status, StringComparer.Ordinal))
            {
                throw new DraftModelException($"solution_status '{status}' is not FINAL or NEEDS_FOLLOW_UP");
            }
            if (reply.Length == 0)
            {
                throw new DraftModelException("the reply is empty");
            }
            var questions = Strings(root, "follow_up_questions").Select(q => q.Trim()).Where(q => q.Length > 0).Take(MaxQuestions).ToList();
            if (status == SolutionStatuses.NeedsFollowUp && questions.Count == 0)
            {
                throw new DraftModelException("NEEDS_FOLLOW_UP without follow-up questions");
            }
            var sources = Strings(root, "sources").Distinct(StringComparer.Ordinal).Select(key => Source(key, evidence)).ToList();
            if (LeakedNote(reply, evidence) is { } leak)
            {
                throw new DraftModelException($"the reply holds internal notes (\"{leak}\")");
            }
            return new DraftContent(PlainReply(reply), tech, status, status == SolutionStatuses.Final ? [] : questions, sources, generatedBy);
        }
    }

    /// <summary>
    /// The first run of words from a retrieved article's internal notes that the reply holds, or null: each
    /// sentence or clause of the notes, or every <see cref="LeakWindow"/>-word stretch of a longer one, so a
    /// copied clause is caught even inside reworded text.
    /// </summary>
    public static string? LeakedNote(string reply, DraftEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return LeakedNote(reply, evidence.Articles.Select(a => a.Article.InternalNotes));
    }

    public static string? LeakedNote(string reply, IEnumerable<string> internalNotes)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(internalNotes);
        var haystack = " " + Normal(reply) + " ";
        foreach (var fragment in internalNotes.SelectMany(n => Fragments().Split(n)))
        {
            var words = Normal(fragment).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < LeakWords)
            {
                continue;
            }
            for (var start = 0; start == 0 || start + LeakWindow <= words.Length; start++)
            {
                var run = " " + string.Join(' ', words.Skip(start).Take(LeakWindow)) + " ";
                if (haystack.Contains(run, StringComparison.Ordinal))
                {
                    return run.Trim();
                }
            }
        }
        return null;
    }

    /// <summary>Longer note clauses are checked as every stretch of this many words.</summary>
    public const int LeakWindow = 8;

    private static DraftSource Source(string key, DraftEvidence evidence)
    {
        if (evidence.Articles.FirstOrDefault(a => DraftPrompt.ArticleKey(a.Article.Id) == key) is { } article)
        {
            return new DraftSource("article", article.Article.Id, article.Article.Title);
        }
        if (evidence.SimilarTicket is { } similar && DraftPrompt.TicketKey(similar.TicketId) == key)
        {
            return new DraftSource("ticket", similar.TicketId, similar.TicketTitle);
        }
        throw new DraftModelException($"source '{key}' is not one of the articles or tickets it was given");
    }

    /// <summary>Markdown emphasis and headings a model slips in anyway, removed: the reply is plain text.</summary>
    private static string PlainReply(string reply) =>
        Heading().Replace(reply.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal), "");

    private static string String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new DraftModelException($"'{name}' is missing or not a string");

    private static List<string> Strings(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array
            || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new DraftModelException($"'{name}' is missing or not a list of strings");
        }
        return value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private static string Normal(string text) =>
        Space().Replace(Marks().Replace(text.ToLowerInvariant(), " "), " ").Trim();

    /// <summary>Notes split into sentences and clauses: a model that copies one is caught even when it rewords the rest.</summary>
    [GeneratedRegex(@"[.;:\n]\s|\n|^-\s|\s-\s|\s=\s")]
    private static partial Regex Fragments();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Marks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"^#+\s*", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
