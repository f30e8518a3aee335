using System.Globalization;

namespace AssistantEval;

/// <summary>Aggregates only: per expected kind and overall, plus the triaged labels of the tickets filed.</summary>
internal static class Report
{
    public static void Print(string path, IReadOnlyList<Verdict> verdicts)
    {
        Console.WriteLine($"# Offline assistant on {Path.GetFileName(path)} ({verdicts.Count} lines, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine();
        Console.WriteLine("| expect.kind | n | right | accuracy |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var group in verdicts.GroupBy(v => v.Item.Expect.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row(group.Key, group.Count(), group.Count(v => v.Passed));
        }

        Row("**overall**", verdicts.Count, verdicts.Count(v => v.Passed));
        Console.WriteLine();
        var filed = verdicts.Where(v => v.CategoryRight is not null).ToList();
        var expectedFiled = verdicts.Count(v => v.Item.Expect.Kind == "file_ticket");
        Console.WriteLine($"Tickets filed for file_ticket lines: {verdicts.Count(v => v.Item.Expect.Kind == "file_ticket" && v.CategoryRight is not null)} of {expectedFiled}; " +
                          $"triaged labels on those: category {Share(filed.Count(v => v.CategoryRight == true), filed.Count)}, " +
                          $"priority {Share(filed.Count(v => v.PriorityRight == true), filed.Count)}.");
    }

    private static void Row(string kind, int n, int right) =>
        Console.WriteLine($"| {kind} | {n} | {right} | {Percent(right, n)} |");

    private static string Share(int right, int n) => $"{right}/{n} ({Percent(right, n)})";

    private static string Percent(int right, int n) =>
        n == 0 ? "n/a" : ((double)right / n).ToString("P1", CultureInfo.InvariantCulture);
}
