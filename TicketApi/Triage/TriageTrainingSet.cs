using System.Text.Json;

namespace TicketApi.Triage;

/// <summary>
/// Reads labelled tickets in the JSON Lines format of <c>eval/triage/README.md</c>. The training set is
/// compiled into this assembly (TicketApi.csproj links <c>eval/triage/train.jsonl</c>), so the service
/// needs no data file at run time.
/// </summary>
public static class TriageTrainingSet
{
    public const string ResourceName = "TicketApi.Triage.train.jsonl";

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = false };

    /// <summary>The embedded <c>eval/triage/train.jsonl</c>.</summary>
    public static IReadOnlyList<TriageExample> LoadEmbedded()
    {
        using var stream = typeof(TriageTrainingSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The triage training set '{ResourceName}' is not embedded in {typeof(TriageTrainingSet).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader, ResourceName);
    }

    public static IReadOnlyList<TriageExample> LoadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static IReadOnlyList<TriageExample> Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var examples = new List<TriageExample>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var example = JsonSerializer.Deserialize<TriageExample>(line, Options)
                ?? throw new InvalidDataException($"{sourceName}:{lineNumber}: not a JSON object.");
            foreach (var field in TriageLabels.Fields)
            {
                if (!TriageLabels.Of(field).Contains(example.Label(field)))
                {
                    throw new InvalidDataException($"{sourceName}:{lineNumber}: {field} '{example.Label(field)}' is not one of {string.Join(", ", TriageLabels.Of(field))}.");
                }
            }
            examples.Add(example);
        }
        return examples;
    }
}
