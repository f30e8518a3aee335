using System.Globalization;
using System.Text.RegularExpressions;
using TicketApi.KnowledgeBase;

namespace TicketApi.Drafts.Writing;

/// <summary>
/// Applies a refinement to the current reply's text (docs/drafts.md, "Writing a draft: refinements"). It works on
/// the text as it stands, so a person's edit is refined rather than thrown away. Topics for "add detail
/// about X" are looked up in the knowledge base and only their customer-safe steps are added. What cannot be
/// applied is named in <see cref="DraftContent.Remark"/>.
/// </summary>
public static partial class ReplyRefinements
{
    /// <summary>A concise reply keeps this many steps, each cut to its first sentence.</summary>
    public const int ConciseSteps = 4;

    /// <summary>A topic's article must cover this share of the topic's words to be the one meant.</summary>
    public const double TopicCoverage = 0.5;

    public static async Task<DraftContent> ApplyAsync(
        DraftContent current, string instruction, KnowledgeBaseSearch knowledgeBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        var asked = RefinementInstruction.Parse(instruction);
        var reply = current.Reply;
        var sources = current.Sources.ToList();
        var tech = current.TechInstructions;
        var remarks = new List<string>();

        foreach (var topic in asked.DetailTopics)
        {
            var ranked = await knowledgeBase.SearchAsync(topic, null, 1, cancellationToken);
            var found = ranked.Count > 0 ? ranked[0] : null;
            if (found is null || found.Coverage < TopicCoverage)
            {
                remarks.Add($"I found no knowledge-base article about '{topic}', so I added nothing about it.");
                continue;
            }
            var steps = ArticleSteps.From(found.Article.Body).Steps.Where(s => !reply.Contains(s, StringComparison.Ordinal)).ToList();
            if (steps.Count == 0)
            {
                remarks.Add($"The reply already holds every step of \"{found.Article.Title}\", the article about '{topic}'.");
                continue;
            }
            reply = InsertBeforeQuestionsOrSignOff(reply, $"About {found.Article.Title.ToLowerInvariant()}:\n{ReplyComposer.Numbered(steps)}");
            if (!sources.Any(s => s.Type == "article" && s.Id == found.Article.Id))
            {
                sources.Add(new DraftSource("article", found.Article.Id, found.Article.Title));
                tech = (tech + string.Create(CultureInfo.InvariantCulture, $"\n{TechNotes.References}: added on request, article #{found.Article.Id} \"{found.Article.Title}\" ({found.Article.Slug})")).Trim();
            }
        }
        if (asked.Concise)
        {
            var shorter = Concise(reply);
            if (shorter.Length < reply.Length)
            {
                reply = shorter;
            }
            else
            {
                remarks.Add("The reply is already as short as I can make it offline without dropping what it asks or tells.");
            }
        }
        if (asked.Formal)
        {
            reply = Formal(reply);
        }
        if (asked.Friendly)
        {
            reply = Friendly(reply);
        }
        foreach (var part in asked.NotUnderstood)
        {
            remarks.Add($"I could not apply '{part}' offline: without a model I can make the reply shorter, more formal or friendlier, " +
                "or add detail about a topic from the knowledge base ('add more detail about the VPN client').");
        }
        return current with
        {
            Reply = reply,
            TechInstructions = tech,
            Sources = sources,
            GeneratedBy = OfflineDraftWriter.Name,
            Remark = remarks.Count == 0 ? null : string.Join(" ", remarks),
        };
    }

    /// <summary>
    /// Keeps the greeting, the numbered steps (at most <see cref="ConciseSteps"/>, each its first sentence),
    /// every question and the sign-off; drops the acknowledgement and the advice paragraphs.
    /// </summary>
    public static string Concise(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var paragraphs = Paragraphs(reply);
        if (paragraphs.Count < 3)
        {
            return reply;
        }
        var kept = new List<string> { paragraphs[0] };
        foreach (var paragraph in paragraphs.Skip(1).Take(paragraphs.Count - 2))
        {
            var lines = paragraph.Split('\n');
            var items = lines.Where(l => NumberedLine().IsMatch(l)).ToList();
            if (items.Count == 0)
            {
                if (paragraph.Contains('?', StringComparison.Ordinal))
                {
                    kept.Add(paragraph);
                }
                continue;
            }
            var intro = lines.TakeWhile(l => !NumberedLine().IsMatch(l)).ToList();
            // Questions are what the draft needs answered: all of them stay, whole.
            var questions = intro.Any(l => l.Contains("tell us", StringComparison.Ordinal) || l.Contains("let us know", StringComparison.Ordinal))
                || items.All(i => i.Contains('?', StringComparison.Ordinal));
            var texts = items.Select(i => NumberedLine().Match(i).Groups["text"].Value).ToList();
            if (!questions)
            {
                texts = texts.Take(ConciseSteps).Select(FirstSentence).ToList();
            }
            kept.Add(string.Join('\n', intro.Append(ReplyComposer.Numbered(texts))));
        }
        kept.Add(paragraphs[^1]);
        return string.Join("\n\n", kept);
    }

    public static string Formal(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = HiGreeting().Replace(reply, "Dear ${name},", 1);
        text = text.Replace(ReplyComposer.NeutralGreeting, "Good day,", StringComparison.Ordinal)
            .Replace("Thanks for getting in touch.", "Thank you for contacting us.", StringComparison.Ordinal)
            .Replace("Thanks so much for getting in touch.", "Thank you for contacting us.", StringComparison.Ordinal)
            .Replace(ReplyComposer.Sorry, "We apologise for the inconvenience.", StringComparison.Ordinal)
            .Replace("These steps should sort it out:", "The following steps should resolve the matter:", StringComparison.Ordinal)
            .Replace("these steps often help:", "the following steps may help:", StringComparison.Ordinal)
            .Replace("could you tell us:", "could you please let us know:", StringComparison.Ordinal)
            .Replace(FriendlyOffer, "", StringComparison.Ordinal)
            .Replace("Best wishes,", "Kind regards,", StringComparison.Ordinal)
            .Replace("Best regards,", "Kind regards,", StringComparison.Ordinal);
        text = Contraction().Replace(text, m => Expand(m.Value));
        text = text.Replace("!", ".", StringComparison.Ordinal);
        return BlankRuns().Replace(text, "\n\n");
    }

    private const string FriendlyOffer = "If anything is unclear, just reply here and we'll happily help.";

    public static string Friendly(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = DearGreeting().Replace(reply, "Hi ${name},", 1)
            .Replace("Good day,", ReplyComposer.NeutralGreeting, StringComparison.Ordinal)
            .Replace("Thank you for contacting us.", "Thanks so much for getting in touch.", StringComparison.Ordinal)
            .Replace(ReplyComposer.Thanks, "Thanks so much for getting in touch.", StringComparison.Ordinal)
            .Replace("We apologise for the inconvenience.", ReplyComposer.Sorry, StringComparison.Ordinal)
            .Replace("The following steps should resolve the matter:", ReplyComposer.ConfidentIntro, StringComparison.Ordinal)
            .Replace("Kind regards,", "Best wishes,", StringComparison.Ordinal)
            .Replace("Best regards,", "Best wishes,", StringComparison.Ordinal);
        if (!text.Contains(FriendlyOffer, StringComparison.Ordinal))
        {
            var paragraphs = Paragraphs(text);
            paragraphs.Insert(Math.Max(1, paragraphs.Count - 1), FriendlyOffer);
            text = string.Join("\n\n", paragraphs);
        }
        return text;
    }

    private static string InsertBeforeQuestionsOrSignOff(string reply, string block)
    {
        var paragraphs = Paragraphs(reply);
        var at = paragraphs.FindIndex(p => p.StartsWith(ReplyComposer.QuestionsIntro, StringComparison.Ordinal) || p.Contains("could you please let us know:", StringComparison.Ordinal));
        paragraphs.Insert(at > 0 ? at : Math.Max(1, paragraphs.Count - 1), block);
        return string.Join("\n\n", paragraphs);
    }

    private static List<string> Paragraphs(string reply) =>
        BlankLine().Split(reply.Trim()).Where(p => p.Trim().Length > 0).ToList();

    private static string FirstSentence(string text)
    {
        var end = SentenceEnd().Match(text);
        return end.Success ? text[..(end.Index + 1)] : text;
    }

    private static string Expand(string contraction)
    {
        var lower = contraction.ToLowerInvariant().Replace('’', '\'');
        var expanded = lower switch
        {
            "can't" => "cannot",
            "won't" => "will not",
            "n't" => " not",
            _ when lower.EndsWith("n't", StringComparison.Ordinal) => lower[..^3] + " not",
            _ when lower.EndsWith("'ll", StringComparison.Ordinal) => lower[..^3] + " will",
            _ when lower.EndsWith("'re", StringComparison.Ordinal) => lower[..^3] + " are",
            _ when lower.EndsWith("'ve", StringComparison.Ordinal) => lower[..^3] + " have",
            _ when lower.EndsWith("'m", StringComparison.Ordinal) => lower[..^2] + " am",
            "it's" => "it is",
            "that's" => "that is",
            "there's" => "there is",
            "let's" => "let us",
            _ => lower,
        };
        return char.IsUpper(contraction[0]) ? char.ToUpperInvariant(expanded[0]) + expanded[1..] : expanded;
    }

    [GeneratedRegex(@"\b(?:[A-Za-z]+n['’]t|[A-Za-z]+['’](?:ll|re|ve|m)|(?:it|that|there|let)['’]s)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Contraction();

    [GeneratedRegex(@"^(?:Hi|Hello|Hey) (?<name>[^\s,]+),", RegexOptions.Multiline)]
    private static partial Regex HiGreeting();

    [GeneratedRegex(@"^Dear (?<name>[^\s,]+),", RegexOptions.Multiline)]
    private static partial Regex DearGreeting();

    [GeneratedRegex(@"^\s*\d+[.)]\s+(?<text>.*)$")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"[.!?](?=\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();
}
