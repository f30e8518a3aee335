namespace TicketApi.Triage;

/// <summary>The three fields triage sets.</summary>
public enum TriageField
{
    Category,
    Priority,
    Sentiment,
}

/// <summary>The allowed values of each triaged field, in the order docs/triage.md lists them.</summary>
public static class TriageLabels
{
    public const string RulesSource = "rules";

    public static readonly IReadOnlyList<string> Categories = ["ACCOUNT", "NETWORK", "EMAIL", "HARDWARE", "SOFTWARE", "BILLING", "OTHER"];
    public static readonly IReadOnlyList<string> Priorities = ["LOW", "NORMAL", "HIGH", "URGENT"];
    public static readonly IReadOnlyList<string> Sentiments = ["NEGATIVE", "NEUTRAL", "POSITIVE"];

    public static readonly IReadOnlyList<TriageField> Fields = [TriageField.Category, TriageField.Priority, TriageField.Sentiment];

    public static IReadOnlyList<string> Of(TriageField field) => field switch
    {
        TriageField.Category => Categories,
        TriageField.Priority => Priorities,
        _ => Sentiments,
    };

    /// <summary>What an unreadable ticket gets: the guidelines' catch-all, the ordinary priority, a factual tone.</summary>
    public static string Fallback(TriageField field) => field switch
    {
        TriageField.Category => "OTHER",
        TriageField.Priority => "NORMAL",
        _ => "NEUTRAL",
    };

    public static int IndexOf(TriageField field, string value)
    {
        var labels = Of(field);
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {field} label.");
    }
}
