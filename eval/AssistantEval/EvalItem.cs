using System.Text.Json;

namespace AssistantEval;

/// <summary>One line of a phrasing set (format in eval/README.md): the earlier turn that matters, the message, what a correct assistant does.</summary>
internal sealed record EvalItem(string Id, string? Context, string Message, Expectation Expect)
{
    public static IReadOnlyList<EvalItem> LoadFile(string path)
    {
        var items = new List<EvalItem>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var context = root.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            items.Add(new EvalItem(root.GetProperty("id").GetString()!, context, root.GetProperty("message").GetString()!,
                Expectation.From(root.GetProperty("expect"))));
        }

        return items;
    }
}

/// <summary>An expected tool call: the arguments listed must match, others are free (except list/count filters).</summary>
internal sealed record ExpectedCall(string Tool, IReadOnlyDictionary<string, JsonElement> Args);

internal sealed record Expectation(string Kind, IReadOnlyList<ExpectedCall> Calls, string? Category, string? Priority, long? DeleteId)
{
    public static Expectation From(JsonElement expect)
    {
        var kind = expect.GetProperty("kind").GetString()!;
        var calls = new List<ExpectedCall>();
        if (expect.TryGetProperty("calls", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var call in list.EnumerateArray())
            {
                var args = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                if (call.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in a.EnumerateObject())
                    {
                        args[property.Name] = property.Value.Clone();
                    }
                }

                calls.Add(new ExpectedCall(call.GetProperty("tool").GetString()!, args));
            }
        }

        long? deleteId = expect.TryGetProperty("args", out var d) && d.ValueKind == JsonValueKind.Object
                         && d.TryGetProperty("id", out var id) && id.TryGetInt64(out var n) ? n : null;
        return new Expectation(kind, calls, Text(expect, "category"), Text(expect, "priority"), deleteId);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
