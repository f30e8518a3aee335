using System.Text;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Tickets;
using TicketApi.Triage;

namespace TicketApi.Tests.Triage;

/// <summary>
/// The triager's speed work must not move a single answer (docs/triage.md, "Speed"): every labelled text of
/// <c>eval/triage/train.jsonl</c> and <c>holdout.jsonl</c>, and the title and the description of each alone,
/// triaged and stored exactly as a create stores it (the record's JSON text, confidences as the serializer
/// writes them, reasons included), must equal <c>triage-golden.tsv</c> byte for byte. The golden file was
/// written by <see cref="GoldenLines"/> from the triager as it was before the speed work (commit 19fced0);
/// it is regenerated only when the triager's answers are meant to change: a failing run writes what it got
/// beside the test assembly and names the file.
/// </summary>
[Collection(TrainedTriagerGroup.Name)]
public sealed class TriageGoldenTests(TrainedTriager trained)
{
    private static readonly DateTime TriagedAt = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_labelled_text_is_triaged_exactly_as_the_golden_file_records()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Triage", "Golden");
        var expected = File.ReadAllLines(Path.Combine(folder, "triage-golden.tsv"));
        var actual = GoldenLines(trained.Triager, [
            .. TriageTrainingSet.LoadFile(Path.Combine(folder, "train.jsonl")),
            .. TriageTrainingSet.LoadFile(Path.Combine(folder, "holdout.jsonl"))]);

        var firstDifference = Enumerable.Range(0, Math.Min(expected.Length, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
        if (firstDifference >= 0 || expected.Length != actual.Count)
        {
            var written = Path.Combine(AppContext.BaseDirectory, "triage-golden.actual.tsv");
            File.WriteAllLines(written, actual, new UTF8Encoding(false));
            Assert.Fail($"{expected.Length} golden lines, {actual.Count} triaged; first difference at line {firstDifference + 1}:\n"
                + $"golden: {(firstDifference >= 0 ? expected[firstDifference] : "(none)")}\n"
                + $"now:    {(firstDifference >= 0 ? actual[firstDifference] : "(none)")}\nall of them: {written}");
        }
        Assert.Equal(580 * 3, actual.Count);
    }

    /// <summary>One line per text: the example's id, which part was read, and the record a create would store.</summary>
    public static List<string> GoldenLines(OfflineTriager triager, IReadOnlyList<TriageExample> examples)
    {
        var lines = new List<string>(examples.Count * 3);
        foreach (var example in examples)
        {
            foreach (var (part, title, description) in new[]
                     {
                         ("both", example.Title, example.Description),
                         ("title", example.Title, ""),
                         ("description", "", example.Description),
                     })
            {
                var ticket = new TicketEntity { Title = title, Description = description, RequesterName = example.RequesterName };
                var record = TicketTriaging.Run(triager, ticket, kept: null, TriagedAt, TicketTriage.Done);
                lines.Add($"{example.Id}\t{part}\t{StoredTriageJson.Serialize(record)}");
            }
        }
        return lines;
    }
}
