using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Contracts;
using TicketApi.Http;

namespace TicketApi.Conversations;

/// <summary>
/// Reads a <c>POST /api/tickets/{id}/messages/</c> body as the ticket bodies are read (415, 413, 400 for the
/// shape: malformed JSON, wrong types, missing or unknown fields; 422 for values outside the rules), so a
/// message is refused in the same words as a ticket (docs/rest-api.md, "Conversation thread"). The channel is
/// the REST face's own, never the body's.
/// </summary>
public static class MessageBodyReader
{
    private const string Kind = "kind";
    private const string Body = "body";
    private const string Author = "author";

    /// <summary>Set by the server; accepted so a message read back can be sent again, and ignored.</summary>
    private static readonly HashSet<string> ReadOnlyFields = ["id", "ticket_id", "created", "channel"];

    public sealed record Result(NewTicketMessage? Message, ProblemHttpResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (document, problem) = await TicketBodyReader.ReadObjectAsync(request, cancellationToken);
        if (document is null)
        {
            return new Result(null, problem);
        }
        using (document)
        {
            return Validate(document.RootElement);
        }
    }

    private static Result Validate(JsonElement root)
    {
        var shapeErrors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? kind = null, body = null, author = null;
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                TicketBodyReader.Add(shapeErrors, property.Name, "Field sent more than once.");
                continue;
            }
            switch (property.Name)
            {
                case Kind:
                    kind = TicketBodyReader.ReadString(property, shapeErrors);
                    break;
                case Body:
                    body = TicketBodyReader.ReadString(property, shapeErrors);
                    break;
                case Author:
                    // Optional and shown as null when absent, so null is as good as leaving it out.
                    author = property.Value.ValueKind == JsonValueKind.Null ? null : TicketBodyReader.ReadString(property, shapeErrors);
                    break;
                default:
                    if (!ReadOnlyFields.Contains(property.Name))
                    {
                        TicketBodyReader.Add(shapeErrors, property.Name, "Unknown field sent in request body.");
                    }
                    break;
            }
        }
        foreach (var required in new[] { Kind, Body })
        {
            if (!seen.Contains(required))
            {
                TicketBodyReader.Add(shapeErrors, required, "This field is required.");
            }
        }

        // The face the request came through: rest, or web for the desk's scripts (AccountsExtensions.ChannelOf).
        var message = TicketMessageRules.Trimmed(new NewTicketMessage(kind ?? "", body ?? "", author, Accounts.ActingContext.Current.Channel));
        var valueErrors = TicketMessageRules.Errors(message)
            .Where(error => kind is not null || error.Key != Kind)
            .Where(error => body is not null || error.Key != Body)
            .ToDictionary(error => error.Key, error => error.Value.ToList(), StringComparer.Ordinal);
        if (shapeErrors.Count > 0)
        {
            return new Result(null, TicketProblems.Fields(StatusCodes.Status400BadRequest,
                "The request body does not have the shape of a message.", TicketBodyReader.Merge(shapeErrors, valueErrors)));
        }
        if (valueErrors.Count > 0)
        {
            return new Result(null, TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity,
                "One or more fields have values a message cannot take.", TicketBodyReader.Merge(valueErrors)));
        }
        return new Result(message, null);
    }
}
