using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketApi.Drafts.Writing;

/// <summary>A ticket labelled with the starter article that answers it (null: none does) and its status (eval/drafts/README.md).</summary>
public sealed record LabelledTicket(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("article")] string? Article,
    [property: JsonPropertyName("solution_status")] string SolutionStatus);

/// <summary>
/// The labelled tickets the offline drafter's article model learns from (docs/drafts.md, "Writing a draft: retrieval").
/// The sets are compiled into this assembly (TicketApi.csproj names each one: a set added to eval/drafts/ later, such
/// as a fresh blind set, is never learned from by accident), so the service needs no data file at run time.
/// </summary>
public static class DraftTrainingSet
{
    /// <summary>The embedded sets, in the order they were written.</summary>
    public static readonly IReadOnlyList<string> EmbeddedSets = ["dev.jsonl", "blind-1.jsonl", "blind-2.jsonl", "blind-3.jsonl", "blind-4.jsonl", "blind-5.jsonl"];

    private const string ResourcePrefix = "TicketApi.Drafts.Training.";

    public static IReadOnlyList<LabelledTicket> LoadEmbedded() =>
        EmbeddedSets.SelectMany(name =>
        {
            using var stream = typeof(DraftTrainingSet).Assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"The draft training set '{name}' is not embedded in {typeof(DraftTrainingSet).Assembly.GetName().Name}.");
            using var reader = new StreamReader(stream);
            return Parse(reader, name);
        }).ToList();

    public static IReadOnlyList<LabelledTicket> LoadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static IReadOnlyList<LabelledTicket> Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tickets = new List<LabelledTicket>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var ticket = JsonSerializer.Deserialize<LabelledTicket>(line)
                ?? throw new InvalidDataException($"{sourceName}:{lineNumber}: not a JSON object.");
            if (ticket.Title is null || ticket.Description is null || !SolutionStatuses.All.Contains(ticket.SolutionStatus))
            {
                throw new InvalidDataException($"{sourceName}:{lineNumber}: a labelled ticket needs a title, a description and a solution_status of {string.Join(", ", SolutionStatuses.All)}.");
            }
            tickets.Add(ticket);
        }
        return tickets;
    }
}
