using System.Text.RegularExpressions;

namespace AgentHost.Chat.Planner.Language;

/// <summary>A label value named in text, where it was found, and whether a negation governs it.</summary>
public sealed record LabelMention(string Value, int Index, bool Negated);

/// <summary>
/// The words people use for the ticket labels (docs/triage.md): statuses, priorities, categories, sentiments.
/// Only words that mean the label itself count: "printer tickets" is a topic to search for, "hardware tickets" a
/// category.
/// </summary>
public static partial class LabelWords
{
    public static readonly string[] Statuses = ["OPEN", "RESOLVED", "CLOSED"];
    public static readonly string[] Priorities = ["LOW", "NORMAL", "HIGH", "URGENT"];
    public static readonly string[] Categories = ["ACCOUNT", "NETWORK", "EMAIL", "HARDWARE", "SOFTWARE", "BILLING", "OTHER"];
    public static readonly string[] Sentiments = ["NEGATIVE", "NEUTRAL", "POSITIVE"];

    public static IReadOnlyList<LabelMention> StatusesIn(string text) => Mentions(text, StatusWord(), m =>
        m.Groups["open"].Success ? "OPEN" : m.Groups["resolved"].Success ? "RESOLVED" : "CLOSED");

    public static IReadOnlyList<LabelMention> PrioritiesIn(string text) => Mentions(text, PriorityWord(), m =>
        m.Groups["urgent"].Success ? "URGENT" : m.Groups["high"].Success ? "HIGH" : m.Groups["normal"].Success ? "NORMAL" : "LOW");

    public static IReadOnlyList<LabelMention> CategoriesIn(string text) => Mentions(text, CategoryWord(), m => m.Groups switch
    {
        var g when g["account"].Success => "ACCOUNT",
        var g when g["network"].Success => "NETWORK",
        var g when g["email"].Success => "EMAIL",
        var g when g["hardware"].Success => "HARDWARE",
        var g when g["software"].Success => "SOFTWARE",
        var g when g["billing"].Success => "BILLING",
        _ => "OTHER",
    });

    public static IReadOnlyList<LabelMention> SentimentsIn(string text) => Mentions(text, SentimentWord(), m =>
        m.Groups["negative"].Success ? "NEGATIVE" : m.Groups["positive"].Success ? "POSITIVE" : "NEUTRAL");

    /// <summary>One priority word standing alone as a value ("to urgent", "as high", "low").</summary>
    public static string? PriorityValue(string text) => PriorityValueWord().Match(text) is { Success: true } m
        ? m.Groups["urgent"].Success ? "URGENT" : m.Groups["high"].Success ? "HIGH" : m.Groups["normal"].Success ? "NORMAL" : "LOW"
        : null;

    /// <summary>One category word standing alone as a value ("to hardware").</summary>
    public static string? CategoryValue(string text) => (CategoriesIn(text) is [var first, ..] ? first.Value : null)
        ?? (OtherValue().IsMatch(text) ? "OTHER" : null);

    /// <summary>The values a list of mentions asks for: the named ones, or all others when the mention is negated.</summary>
    public static IReadOnlyList<string> Wanted(IReadOnlyList<LabelMention> mentions, IReadOnlyList<string> all)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(all);
        var named = mentions.Where(m => !m.Negated).Select(m => m.Value).Distinct().ToList();
        var excluded = mentions.Where(m => m.Negated).Select(m => m.Value).ToHashSet();
        if (excluded.Count > 0)
        {
            var rest = (named.Count > 0 ? named : all).Where(v => !excluded.Contains(v)).ToList();
            return rest;
        }

        return named;
    }

    private static List<LabelMention> Mentions(string text, Regex regex, Func<Match, string> value) =>
        regex.Matches(text).Select(m => new LabelMention(value(m), m.Index, Negation.IsNegatedAt(text, m.Index))).ToList();

    [GeneratedRegex(@"\b(?:(?<open>open|unresolved|outstanding|pending|active|unsolved|ongoing|in progress)|(?<resolved>resolved|solved|fixed)|(?<closed>closed|finished|archived))\b")]
    private static partial Regex StatusWord();

    [GeneratedRegex(@"\b(?:(?<urgent>urgent|critical|p1|sev1|emergency|emergencies)|(?<high>high(?:[-\s]priority|[-\s]prio)|high|important)|(?<normal>normal(?:[-\s]priority)?|medium(?:[-\s]priority)?)|(?<low>low(?:[-\s]priority|[-\s]prio)|low|minor|trivial))\b(?!\s+(?:tone|sentiment))")]
    private static partial Regex PriorityWord();

    [GeneratedRegex(@"\b(?<urgent>urgent|critical|p1)|(?<high>high)|(?<normal>normal|medium)|(?<low>low)\b")]
    private static partial Regex PriorityValueWord();

    // .NET lets a group name repeat: a category word counts alone ("network", "billing") or, when it is also an
    // everyday word ("mail", "access", "payment"), only right before "tickets", "issues", "category"...
    [GeneratedRegex(@"\b(?:(?<account>accounts?|access|login|log-?in|sign-?in)(?=\s+(?:tickets?|issues?|problems?|ones?|category|queue|requests?)\b)|(?<account>account\s+category)|(?<network>network(?:ing)?)|(?<email>e-?mail|mail)(?=\s+(?:tickets?|issues?|problems?|ones?|category|queue)\b)|(?<email>email)|(?<hardware>hardware)|(?<software>software)|(?<billing>payments?|invoicing)(?=\s+(?:tickets?|issues?|problems?|ones?|category|queue|questions?)\b)|(?<billing>billing))\b")]
    private static partial Regex CategoryWord();

    [GeneratedRegex(@"\b(?:other|misc|miscellaneous|general)\b")]
    private static partial Regex OtherValue();

    [GeneratedRegex(@"\b(?:(?<negative>unhappy|angry|frustrated|upset|negative|annoyed|furious|complaining|complaints?|dissatisfied|disgruntled|mad)|(?<positive>happy|positive|pleased|satisfied|grateful|thankful|praise|delighted|kind words)|(?<neutral>neutral))\b")]
    private static partial Regex SentimentWord();
}
