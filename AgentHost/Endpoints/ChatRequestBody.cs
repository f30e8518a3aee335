using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentHost.Endpoints;

/// <summary>The JSON body of <c>POST /chat</c>.</summary>
public sealed record ChatRequest(string? Message, string? SessionId);

/// <summary>
/// Reads a <c>POST /chat</c> body with a size limit before parsing it: a chat message is small, and buffering
/// whatever a client sends (16 bodies of 25 MB took the host from 319 MB to 1.3 GB) only to refuse it is a way
/// to exhaust memory. (A body that is not JSON never gets here: the endpoint's <c>Accepts</c> metadata makes
/// routing answer 415.) Over the limit is a 413 problem, decided from <c>Content-Length</c> or, for chunked
/// bodies, as soon as the limit is passed. Every malformed body gets a problem saying what is expected.
/// </summary>
internal static class ChatRequestBody
{
    /// <summary>64 KiB: room for an 8,000-character message in any encoding, with JSON escaping.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static async Task<(ChatRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        try
        {
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge()); // Kestrel's own limit (the endpoint's RequestSizeLimit) noticed it first
        }

        if (length > MaxBytes)
        {
            return (null, TooLarge());
        }

        try
        {
            return (JsonSerializer.Deserialize<ChatRequest>(buffer.AsSpan(0, length), Json), null);
        }
        catch (JsonException)
        {
            return (null, ChatProblems.BadRequest("the body must be a JSON object like {\"message\": \"...\", \"session_id\": \"...\"} with string values"));
        }
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(title: "Request body too large",
            detail: $"A chat request body may be at most {MaxBytes / 1024} KiB; a message is at most {ChatEndpoints.MaxMessageLength} characters.",
            statusCode: StatusCodes.Status413PayloadTooLarge);
}
