using TicketApi.Triage;

namespace TicketApi.Contracts;

/// <summary>
/// The wire values of the triaged fields (the triager's own label lists, docs/triage.md) and how priority
/// is stored: as its rank LOW 0 &lt; NORMAL 1 &lt; HIGH 2 &lt; URGENT 3, so <c>ordering=-priority</c> reads an index.
/// </summary>
public static class TicketLabels
{
    public const int NormalRank = 1;

    public static string AllowedList(TriageField field) => string.Join(", ", TriageLabels.Of(field));

    /// <summary>Exact, case-sensitive match of a wire value, as for statuses.</summary>
    public static bool IsValid(TriageField field, string? value) => value is not null && TriageLabels.Of(field).Contains(value, StringComparer.Ordinal);

    public static int PriorityRank(string priority) => TriageLabels.IndexOf(TriageField.Priority, priority);

    public static string PriorityName(int rank) =>
        rank >= 0 && rank < TriageLabels.Priorities.Count ? TriageLabels.Priorities[rank] : throw new ArgumentOutOfRangeException(nameof(rank), rank, "Not a priority rank.");
}
