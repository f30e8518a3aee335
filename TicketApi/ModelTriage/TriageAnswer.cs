using System.Globalization;
using System.Text;
using System.Text.Json;
using TicketApi.Triage;

namespace TicketApi.ModelTriage;

/// <summary>
/// Reads and checks the model's answer (<see cref="TriagePrompt.Schema"/>). A strict schema makes a
/// well-behaved provider answer in shape, but OpenAI-compatible servers differ and the answer crosses a
/// trust boundary, so nothing is taken on faith: every field, label, confidence and reason is checked and
/// the first problem is named in a <see cref="TriageModelException"/>.
/// </summary>
public static class TriageAnswer
{
    public const string ModelSource = "model";

    /// <summary>A reason is one line a person reads beside the value; longer is cut here.</summary>
    public const int MaxReasonLength = 200;

    public static TriageOutcome Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new TriageModelException($"the answer is not JSON ({ex.Message}): {Excerpt(text)}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TriageModelException($"the answer is JSON but not an object: {Excerpt(text)}");
            }
            return new TriageOutcome(
                Field(root, "category", TriageLabels.Categories),
                Field(root, "priority", TriageLabels.Priorities),
                Field(root, "sentiment", TriageLabels.Sentiments));
        }
    }

    private static TriagedValue Field(JsonElement root, string name, IReadOnlyList<string> labels)
    {
        if (!root.TryGetProperty(name, out var field) || field.ValueKind != JsonValueKind.Object)
        {
            throw new TriageModelException($"'{name}' is missing or not an object");
        }
        var hasValue = field.TryGetProperty("value", out var v);
        var value = hasValue && v.ValueKind == JsonValueKind.String ? v.GetString()! : null;
        if (value is null || !labels.Contains(value, StringComparer.Ordinal))
        {
            throw new TriageModelException($"{name} {(hasValue ? $"'{v}'" : "(missing)")} is not one of {string.Join(", ", labels)}");
        }
        if (!field.TryGetProperty("confidence", out var c) || c.ValueKind != JsonValueKind.Number
            || !c.TryGetDouble(out var confidence) || !(confidence is >= 0 and <= 1))
        {
            throw new TriageModelException($"{name} confidence {(field.TryGetProperty("confidence", out var raw) ? raw.GetRawText() : "(missing)")} is not a number in [0, 1]");
        }
        var reason = field.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? OneLine(r.GetString()!) : "";
        if (reason.Length == 0)
        {
            throw new TriageModelException($"{name} has no reason");
        }
        return new TriagedValue(value, Math.Round(confidence, 3), reason, ModelSource);
    }

    /// <summary>Whitespace runs (newlines included) become one space; past <see cref="MaxReasonLength"/> the reason is cut with an ellipsis.</summary>
    private static string OneLine(string text)
    {
        var line = new StringBuilder(Math.Min(text.Length, MaxReasonLength + 1));
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(part);
            if (line.Length > MaxReasonLength)
            {
                break;
            }
        }
        return line.Length > MaxReasonLength ? string.Concat(line.ToString(0, MaxReasonLength - 1).TrimEnd(), "…") : line.ToString();
    }

    private static string Excerpt(string text) =>
        text.Length > 120 ? string.Create(CultureInfo.InvariantCulture, $"{text[..120]}... ({text.Length} characters)") : text;
}
