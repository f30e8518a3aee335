namespace TicketApi.Triage;

/// <summary>
/// Deterministic stratified k-fold assignment: the tickets of each label are dealt round the folds in file
/// order, continuing where the previous label stopped, so every fold gets its share of every label and
/// the same input always gives the same folds (a CV figure can be reproduced exactly).
/// </summary>
public static class StratifiedFolds
{
    /// <returns>The fold (0..k-1) of every item.</returns>
    public static int[] Assign(IReadOnlyList<string> labels, int folds)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var assignment = new int[labels.Count];
        var distinct = new List<string>();
        foreach (var label in labels)
        {
            if (!distinct.Contains(label))
            {
                distinct.Add(label);
            }
        }
        distinct.Sort(StringComparer.Ordinal);
        var next = 0;
        foreach (var label in distinct)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                if (string.Equals(labels[i], label, StringComparison.Ordinal))
                {
                    assignment[i] = next % folds;
                    next++;
                }
            }
        }
        return assignment;
    }
}
