using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using TicketApi.Contracts;
using TicketApi.Tickets;

namespace TicketApi.Http;

/// <summary>
/// Reads a ticket body field by field, so each problem gets a precise answer: 415 for non-JSON, 413 for
/// oversize, 400 for malformed JSON, unknown fields, wrong types and missing fields, 422 for values
/// outside the rules (blank or long title, unknown status, priority or category, malformed email). Read-only
/// fields are accepted and ignored.
/// </summary>
public static class TicketBodyReader
{
    /// <summary>
    /// 256 KiB: the largest valid ticket is 255 + 20,000 characters, and a client that escapes every one of
    /// them as a UTF-16 surrogate pair (<c>\ud83d\ude00</c>, 12 bytes per emoji) sends about 243 KB; anything
    /// larger cannot be a valid ticket. Kestrel enforces it too (endpoint metadata), so a chunked body is cut
    /// off at this size rather than at the server-wide 30 MB. See docs/rest-api.md, "Limits".
    /// </summary>
    public const int MaxBodyBytes = 256 * 1024;
    public const int MaxTitleLength = TicketFieldRules.MaxTitleLength;
    public const int MaxDescriptionLength = TicketFieldRules.MaxDescriptionLength;

    private const string Title = "title";
    private const string Description = "description";
    private const string Status = "resolution_status";
    private const string Priority = "priority";
    private const string Category = "category";
    private const string RequesterName = "requester_name";
    private const string RequesterEmail = "requester_email";

    /// <summary>Set by the server; accepted so a GET-edit-PUT round trip works, and ignored.</summary>
    private static readonly HashSet<string> ReadOnlyFields =
        ["id", "created", "updated", "sentiment", "triage", "first_response_at", "resolved_at", "closed_at", "assignee", "rating", "channel"];

    public sealed record Result(TicketChanges? Changes, ProblemHttpResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, WriteMode mode, CancellationToken cancellationToken)
    {
        var (document, problem) = await ReadObjectAsync(request, cancellationToken);
        if (document is null)
        {
            return Fail(problem!);
        }
        using (document)
        {
            return Validate(document.RootElement, mode);
        }
    }

    /// <summary>
    /// The body as a JSON object, or the problem that stops it being one (415, 413, 400): the steps every JSON
    /// body of this API goes through before its fields are read (a thread message's too). The caller disposes it.
    /// </summary>
    internal static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, TicketProblems.UnsupportedMediaType(request.ContentType));
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TicketProblems.PayloadTooLarge(MaxBodyBytes));
        }
        var body = await ReadBoundedAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return (null, TicketProblems.PayloadTooLarge(MaxBodyBytes));
        }
        if (body.Length == 0)
        {
            return (null, TicketProblems.BadRequest("The request body is empty: send a JSON object."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(StripBom(body), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return (null, TicketProblems.BadRequest(
                $"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            return (null, TicketProblems.BadRequest($"The request body must be a JSON object, not {Describe(kind)}."));
        }
        return (document, null);
    }

    private static Result Validate(JsonElement root, WriteMode mode)
    {
        var shapeErrors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var valueErrors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? title = null, description = null, priority = null, category = null, requesterName = null, requesterEmail = null;
        TicketStatus? status = null;

        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Add(shapeErrors, property.Name, "Field sent more than once.");
                continue;
            }
            switch (property.Name)
            {
                case Title:
                    title = ReadString(property, shapeErrors);
                    break;
                case Description:
                    description = ReadString(property, shapeErrors);
                    break;
                case Priority:
                    priority = ReadString(property, shapeErrors);
                    break;
                case Category:
                    category = ReadString(property, shapeErrors);
                    break;
                case RequesterName:
                    requesterName = ReadClearable(property, shapeErrors);
                    break;
                case RequesterEmail:
                    requesterEmail = ReadClearable(property, shapeErrors);
                    break;
                case Status:
                    var text = ReadString(property, shapeErrors);
                    if (text is null)
                    {
                        break;
                    }
                    if (TicketStatuses.TryParse(text, out var parsed))
                    {
                        status = parsed;
                    }
                    else
                    {
                        Add(valueErrors, Status, $"Invalid status '{text}'. Allowed values are: {TicketStatuses.AllowedList}.");
                    }
                    break;
                default:
                    if (!ReadOnlyFields.Contains(property.Name))
                    {
                        Add(shapeErrors, property.Name, "Unknown field sent in request body.");
                    }
                    break;
            }
        }

        foreach (var required in RequiredFields(mode))
        {
            if (!seen.Contains(required))
            {
                Add(shapeErrors, required, "This field is required.");
            }
        }

        var changes = new TicketChanges(title?.Trim(), description?.Trim(), status, priority, category, requesterName, requesterEmail);
        foreach (var (field, messages) in TicketFieldRules.Errors(changes))
        {
            foreach (var message in messages)
            {
                Add(valueErrors, field, message);
            }
        }
        if (mode == WriteMode.Create && status is { } initial && initial != TicketStatus.Open)
        {
            Add(valueErrors, Status, $"New tickets start as OPEN; '{TicketStatuses.ToWire(initial)}' can only be reached through the lifecycle.");
        }

        if (shapeErrors.Count > 0)
        {
            return Fail(TicketProblems.Fields(StatusCodes.Status400BadRequest,
                "The request body does not have the shape of a ticket.", Merge(shapeErrors, valueErrors)));
        }
        if (valueErrors.Count > 0)
        {
            return Fail(TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity,
                "One or more fields have values a ticket cannot take.", Merge(valueErrors)));
        }
        return new Result(changes, null);
    }

    private static string[] RequiredFields(WriteMode mode) => mode switch
    {
        WriteMode.Create => [Title],
        WriteMode.Replace => [Title, Description, Status],
        _ => [],
    };

    /// <summary>
    /// A field the ticket shows as null when unknown: null (what a GET-edit-PUT round trip sends back) and ""
    /// both clear it; other text is trimmed.
    /// </summary>
    private static string? ReadClearable(JsonProperty property, Dictionary<string, List<string>> errors) =>
        property.Value.ValueKind == JsonValueKind.Null ? "" : ReadString(property, errors)?.Trim();

    internal static string? ReadString(JsonProperty property, Dictionary<string, List<string>> errors)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    var text = property.Value.GetString()!;
                    // PostgreSQL text cannot hold U+0000, so neither store accepts it (docs/storage.md).
                    if (text.Contains('\0', StringComparison.Ordinal))
                    {
                        Add(errors, property.Name, "Not valid text: the string holds a NUL character (\\u0000).");
                        return null;
                    }
                    return text;
                }
                catch (InvalidOperationException)
                {
                    Add(errors, property.Name, "Not valid text: the string holds invalid UTF-8 or an unpaired surrogate.");
                    return null;
                }
            case JsonValueKind.Null:
                Add(errors, property.Name, "This field may not be null.");
                return null;
            default:
                Add(errors, property.Name, $"Expected a string, got {Describe(property.Value.ValueKind)}.");
                return null;
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) &&
        (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
         media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The body, or null if it is longer than <see cref="MaxBodyBytes"/> (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ReadOnlyMemory<byte> StripBom(byte[] body) =>
        body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsMemory(3) : body;

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };

    internal static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }
        messages.Add(message);
    }

    internal static Dictionary<string, string[]> Merge(params Dictionary<string, List<string>>[] sources)
    {
        var merged = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var (field, messages) in source)
            {
                merged[field] = merged.TryGetValue(field, out var existing) ? [.. existing, .. messages] : [.. messages];
            }
        }
        return merged;
    }

    private static Result Fail(ProblemHttpResult problem) => new(null, problem);
}
