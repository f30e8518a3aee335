using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using TicketApi.Contracts;

namespace TicketApi.Mail.Http;

/// <summary>
/// One outbox mail as <c>GET /api/outbox/</c> shows it (docs/mail.md, "The outbox API"). The body is included:
/// the API is for staff, who need to see what was (or will be) sent to a requester.
/// </summary>
public sealed record OutboxMailDto(
    [property: Description("Server-assigned identifier.")] long Id,
    [property: JsonPropertyName("ticket_id"), Description("The ticket the mail is about (kept if the ticket is deleted).")] long TicketId,
    [property: Description("reply, resolved or closed.")] string Kind,
    [property: Description("The recipient's address.")] string To,
    [property: JsonPropertyName("to_name"), Description("The recipient's name, when known.")] string? ToName,
    [property: Description("[#<ticket id>] <title>.")] string Subject,
    [property: Description("The plain-text body.")] string Body,
    [property: Description("QUEUED, SENDING, SENT or FAILED.")] string Status,
    [property: Description("Deliveries tried so far.")] int Attempts,
    [property: JsonPropertyName("last_error"), Description("Why the last failed attempt failed; null when none failed.")] string? LastError,
    [property: JsonPropertyName("next_attempt_at"), Description("When a QUEUED mail is next tried, UTC.")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime NextAttemptAt,
    [property: Description("When the mail was staged, UTC.")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: JsonPropertyName("sent_at"), Description("When the server accepted it, UTC; null until SENT.")]
    [property: JsonConverter(typeof(NullableUtcTimestampJsonConverter))] DateTime? SentAt,
    [property: JsonPropertyName("message_id"), Description("The Message-ID header, fixed when staged.")] string MessageId,
    [property: JsonPropertyName("in_reply_to"), Description("The Message-ID answered (In-Reply-To): the requester's latest mail when the ticket came by mail, else the ticket's thread root; References carries the root too.")] string InReplyTo)
{
    public static OutboxMailDto From(OutboxMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return new(mail.Id, mail.TicketId, mail.Kind, mail.ToAddress, mail.ToName, mail.Subject, mail.Body, mail.Status, mail.Attempts,
            mail.LastError, mail.NextAttemptAt, mail.Created, mail.SentAt, mail.MessageId, mail.InReplyTo);
    }
}

/// <summary>One page of the outbox, in the tickets' page shape.</summary>
public sealed record OutboxPage(long Count, string? Next, string? Previous, IReadOnlyList<OutboxMailDto> Results);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OutboxPage))]
public sealed partial class OutboxJsonContext : JsonSerializerContext;
