using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using TicketApi.Http;

namespace TicketApi.KnowledgeBase.Http;

/// <summary>
/// Reads an article body field by field, as the ticket body reader does (docs/knowledge-base.md, "Errors"):
/// 415 for non-JSON, 413 for oversize, 400 for malformed JSON, unknown or repeated fields, wrong types and
/// missing required fields, 422 for values outside <see cref="ArticleRules"/>. <c>id</c>, <c>created</c>
/// and <c>updated</c> are accepted and ignored, so a GET-edit-PATCH round trip works.
/// </summary>
public static class ArticleBodyReader
{
    /// <summary>
    /// 2 MiB: the largest valid article is about 100,300 characters (title, body, notes, tags), and a client
    /// escaping every one as a surrogate pair (<c>\ud83d\ude00</c>, 12 bytes) sends about 1.2 MB.
    /// </summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    private static readonly HashSet<string> ReadOnlyFields = ["id", "created", "updated"];
    private static readonly string[] RequiredOnCreate = ["title", "category", "body"];

    public sealed record Result(ArticleChanges? Changes, ProblemHttpResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, bool create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return Fail(TicketProblems.UnsupportedMediaType(request.ContentType));
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return Fail(TicketProblems.PayloadTooLarge(MaxBodyBytes));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return Fail(TicketProblems.PayloadTooLarge(MaxBodyBytes));
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return Fail(TicketProblems.BadRequest("The request body is empty: send a JSON object."));
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            return Validate(document.RootElement, create);
        }
        catch (JsonException ex)
        {
            return Fail(TicketProblems.BadRequest(
                $"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));
        }
    }

    private static Result Validate(JsonElement root, bool create)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(TicketProblems.BadRequest("The request body must be a JSON object."));
        }
        var shape = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changes = new ArticleChanges();
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                TicketBodyReader.Add(shape, property.Name, "Field sent more than once.");
                continue;
            }
            changes = property.Name switch
            {
                "slug" => changes with { Slug = Text(property, shape)?.Trim() },
                "title" => changes with { Title = Text(property, shape)?.Trim() },
                "category" => changes with { Category = Text(property, shape)?.Trim() },
                "body" => changes with { Body = Text(property, shape)?.Trim() },
                "internal_notes" => changes with { InternalNotes = Text(property, shape)?.Trim() },
                "tags" => changes with { Tags = Tags(property, shape) },
                _ when ReadOnlyFields.Contains(property.Name) => changes,
                _ => Unknown(property.Name, shape, changes),
            };
        }
        if (create)
        {
            foreach (var required in RequiredOnCreate.Where(f => !seen.Contains(f)))
            {
                TicketBodyReader.Add(shape, required, "This field is required.");
            }
        }
        var values = ArticleRules.Errors(changes);
        if (shape.Count > 0)
        {
            var merged = shape.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
            foreach (var (field, messages) in values)
            {
                merged[field] = merged.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
            }
            return Fail(TicketProblems.Fields(StatusCodes.Status400BadRequest, "The request body does not have the shape of an article.", merged));
        }
        return values.Count > 0
            ? Fail(TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "One or more fields have values an article cannot take.", values))
            : new Result(changes, null);
    }

    private static ArticleChanges Unknown(string name, Dictionary<string, List<string>> errors, ArticleChanges changes)
    {
        TicketBodyReader.Add(errors, name, "Unknown field sent in request body.");
        return changes;
    }

    /// <summary>A list of strings; each tag is trimmed.</summary>
    private static List<string>? Tags(JsonProperty property, Dictionary<string, List<string>> errors)
    {
        if (property.Value.ValueKind != JsonValueKind.Array)
        {
            TicketBodyReader.Add(errors, property.Name, $"Expected a list of strings, got {TicketBodyReader.Describe(property.Value.ValueKind)}.");
            return null;
        }
        var tags = new List<string>();
        foreach (var item in property.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                TicketBodyReader.Add(errors, property.Name, $"Expected a list of strings, but an item is {TicketBodyReader.Describe(item.ValueKind)}.");
                return null;
            }
            if (Clean(item, property.Name, errors) is not { } tag)
            {
                return null;
            }
            tags.Add(tag.Trim());
        }
        return tags;
    }

    private static string? Text(JsonProperty property, Dictionary<string, List<string>> errors)
    {
        if (property.Value.ValueKind == JsonValueKind.String)
        {
            return Clean(property.Value, property.Name, errors);
        }
        TicketBodyReader.Add(errors, property.Name, property.Value.ValueKind == JsonValueKind.Null
            ? "This field may not be null."
            : $"Expected a string, got {TicketBodyReader.Describe(property.Value.ValueKind)}.");
        return null;
    }

    /// <summary>The string, unless it cannot be stored: PostgreSQL text cannot hold U+0000 (docs/storage.md).</summary>
    private static string? Clean(JsonElement value, string field, Dictionary<string, List<string>> errors)
    {
        try
        {
            var text = value.GetString()!;
            if (!text.Contains('\0', StringComparison.Ordinal))
            {
                return text;
            }
            TicketBodyReader.Add(errors, field, "Not valid text: the string holds a NUL character (\\u0000).");
        }
        catch (InvalidOperationException)
        {
            TicketBodyReader.Add(errors, field, "Not valid text: the string holds invalid UTF-8 or an unpaired surrogate.");
        }
        return null;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    private static Result Fail(ProblemHttpResult problem) => new(null, problem);
}
