using System.Text.Json;
using System.Text.Json.Serialization;

namespace DraftEval;

/// <summary>One labelled ticket of a set (eval/drafts/README.md): the article a good draft rests on (null: none fits) and its status.</summary>
internal sealed record EvalItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("requester_name")] string? RequesterName,
    [property: JsonPropertyName("article")] string? Article,
    [property: JsonPropertyName("solution_status")] string SolutionStatus)
{
    public static IReadOnlyList<EvalItem> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select((line, i) =>
            JsonSerializer.Deserialize<EvalItem>(line) ?? throw new InvalidDataException($"{path}:{i + 1} is not a ticket")).ToList();
}
