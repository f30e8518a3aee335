using System.Text.RegularExpressions;

namespace TicketApi.Drafts.Writing;

/// <summary>
/// A refinement instruction read without a model (docs/drafts.md, "Writing a draft: refinements"): shorter,
/// more formal, friendlier, and "add more detail about X" / "include steps for X", several at once; every
/// other part is kept word for word as <see cref="NotUnderstood"/>, so it can be said back, never dropped.
/// </summary>
public sealed partial record RefinementInstruction(
    bool Concise, bool Formal, bool Friendly, IReadOnlyList<string> DetailTopics, IReadOnlyList<string> NotUnderstood)
{
    public static RefinementInstruction Parse(string instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var topics = new List<string>();
        var rest = Detail().Replace(instruction, m =>
        {
            topics.Add(m.Groups["topic"].Value.Trim());
            return ";";
        });
        bool concise = false, formal = false, friendly = false;
        var notUnderstood = new List<string>();
        foreach (var part in Clauses().Split(rest).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var understood = false;
            if (Friendlier().IsMatch(part))
            {
                friendly = understood = true;
            }
            else if (Formaler().IsMatch(part))
            {
                formal = understood = true;
            }
            if (Shorter().IsMatch(part))
            {
                concise = understood = true;
            }
            if (!understood && !Filler().IsMatch(part))
            {
                notUnderstood.Add(part);
            }
        }
        return new RefinementInstruction(concise, formal, friendly, topics, notUnderstood);
    }

    [GeneratedRegex(@"\b(?:add|include|give|put in|with|explain)\b(?:\s+(?:some|more|a\s+bit\s+more|extra|the))*\s+(?:details?|steps?|information|info|instructions?|guidance)?\s*(?:about|on|for|regarding|how\s+to)\s+(?<topic>[^,;.!?]+?)(?=\s+and\s+(?:make|be|keep|sound|use)\b|[,;.!?]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Detail();

    [GeneratedRegex(@"[,;.!?]+|\band\b|\balso\b|\bthen\b|\bplus\b", RegexOptions.IgnoreCase)]
    private static partial Regex Clauses();

    [GeneratedRegex(@"\b(short|shorter|shorten|concise|brief|briefer|trim|tighten|too long|less wordy|cut it down|condense|succinct|tl;?dr)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Shorter();

    [GeneratedRegex(@"\b(formal|more professional|professional|polite|politer|businesslike)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Formaler();

    [GeneratedRegex(@"\b(friendl\w*|warm\w*|casual|informal|less formal|less stiff|kinder|nicer|empath\w*|relaxed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Friendlier();

    /// <summary>What is left of an instruction once its requests are taken out ("please", "make it a bit").</summary>
    [GeneratedRegex(@"^(?:please|pls|make|it|the|reply|draft|answer|a|bit|little|more|much|lot|sound|be|can|you|could|would|this|that|thanks|thank|bit\s+more|\s)+$", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();
}
