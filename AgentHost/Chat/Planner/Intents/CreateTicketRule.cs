using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;
using AgentHost.Chat.Planner.Problems;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// An explicit request to file a ticket: "new ticket: ...", "create an urgent ticket: ...", "open a low priority
/// ticket: ...", "log this as high priority: ...", "priority low: ...". A priority or category the person names in
/// the request is sent (a person's value wins over triage); anything else is left to the triager.
/// </summary>
public sealed partial class CreateTicketRule : IMessageRule
{
    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(original);
        var m = Create().Match(original.Trim());
        if (!m.Success)
        {
            return null;
        }

        var header = TextNormalizer.Normalize(m.Groups["head"].Value);
        var body = m.Groups["body"].Value.Trim().Trim('"', '\'', '“', '”').Trim();
        (header, body) = LabelsAroundBody(header, body);
        if (body.Length == 0)
        {
            return PlannerPlan.Answer("What is the problem? Say it in one go, e.g. \"new ticket: the printer on floor 3 jams since Monday\".");
        }

        var args = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = ProblemTitle.From(body),
            ["description"] = ProblemTitle.Description(body),
        };
        if (LabelWords.PrioritiesIn(header).FirstOrDefault(p => !p.Negated) is { } priority)
        {
            args["priority"] = priority.Value;
        }

        if (LabelWords.CategoryValue(CategoryPart(header)) is { } category)
        {
            args["category"] = category;
        }

        return PlannerPlan.Run([new PlannedCall(PlannerToolNames.CreateTicket, args)], AnswerStyle.FiledProblem);
    }

    /// <summary>
    /// Labels said around the problem rather than before it: "create a ticket, priority low: ...", "... meeting room 3,
    /// low priority, category other", "... by Monday. hardware, normal". They move to the header; the body keeps the problem.
    /// </summary>
    private static (string Header, string Body) LabelsAroundBody(string header, string body)
    {
        if (LeadingLabel().Match(body) is { Success: true } leading)
        {
            header += " priority " + leading.Groups["value"].Value.ToLowerInvariant();
            body = body[leading.Length..].Trim();
        }

        while (TrailingLabel().Match(body) is { Success: true } trailing && trailing.Index > 0)
        {
            var label = TextNormalizer.Normalize(trailing.Groups["label"].Value);
            header += LabelWords.Categories.Contains(label.Replace("category", "", StringComparison.Ordinal).Trim().ToUpperInvariant())
                ? " as " + label.Replace("category", "", StringComparison.Ordinal).Trim()
                : " priority " + label.Replace("priority", "", StringComparison.Ordinal).Trim();
            body = body[..trailing.Index].TrimEnd(',', '.', ';', ' ');
        }

        return (header, body);
    }

    [GeneratedRegex(@"^(?:priority|prio)\s*[:=]?\s*(?<value>urgent|critical|high|normal|medium|low)\s*[:\-–,]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingLabel();

    [GeneratedRegex(@"[,.;]\s*(?<label>(?:(?:priority|prio)\s*[:=]?\s*)?(?:urgent|critical|high|normal|medium|low)(?:\s+priority)?|(?:category\s*[:=]?\s*)?(?:account|network|email|hardware|software|billing|other)(?:\s+category)?)\s*[.!]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLabel();

    /// <summary>The header without its ticket noun: "an other ticket" is not the OTHER category, "a billing ticket" is BILLING.</summary>
    private static string CategoryPart(string header) =>
        Adjectives().Match(header) is { Success: true } m ? m.Groups["adj"].Value + " ticket" : "";

    private const string Adjective = @"(?:urgent|critical|high[-\s]priority|high|low[-\s]priority|low|normal[-\s]priority|normal|medium|billing|network|email|e-mail|hardware|software|account|access|new|support|quick|separate|\s)";

    [GeneratedRegex(@"^(?<head>(?:please\s+|pls\s+|can\s+you\s+|could\s+you\s+|i\s+want\s+to\s+|i'd\s+like\s+to\s+|i\s+would\s+like\s+to\s+|i\s+need\s+to\s+|let's\s+|let\s+us\s+)*(?:(?:open|start|add|make|put\s+in|enter)\s+(?:up\s+)?(?:a|an|one|new)\s+|(?:create|file|raise|log|submit|new)\s+(?:up\s+)?(?:a\s+|an\s+|one\s+)?)" + Adjective + @"*(?:ticket|issue|incident|bug|request|case|report)\b(?!s)(?:\s+(?:for\s+me|with\s+(?:urgent|high|low|normal)\s+priority|(?:as|with\s+priority)\s+(?:urgent|high|low|normal)))?)(?:\s+(?:about|for|regarding|saying|that\s+says|that|because|re|on|with|to\s+say))?\s*[:\-–,]?\s*(?<body>.*)$|^(?<head>(?:new\s+)?ticket)\s*:\s*(?<body>.+)$|^(?<head>(?:please\s+)?(?:file|log|raise|record|open|create|submit|enter|mark|flag)\s+(?:this|it|that)\s+(?:as|with)\s+[\w\s-]{2,30}?)\s*[:\-–]\s*(?<body>.+)$|^(?<head>(?:priority|prio)\s*[:=]?\s*(?:urgent|critical|high|normal|medium|low)|(?:urgent|critical|high\s+priority|low\s+priority))\s*[:\-–]\s*(?<body>.+)$|^(?<head>(?:please\s+|i\s+need\s+to\s+|i\s+want\s+to\s+|i'd\s+like\s+to\s+)?report\s+(?:a\s+problem|an\s+issue|that|a\s+fault|an\s+outage)?)\s*:?\s*(?<body>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Create();

    [GeneratedRegex(@"\b(?<adj>billing|network|email|e-mail|hardware|software|account|access)\s+(?:ticket|issue|incident|request|case)\b|\b(?:as|category|under)\s+(?<adj>billing|network|email|hardware|software|account|other)\b")]
    private static partial Regex Adjectives();
}
