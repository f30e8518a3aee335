using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.OpenApi;

namespace TicketApi.Mail.OpenApi;

/// <summary>The outbox schemas, by hand as the ticket and article ones are, so they say exactly what the server sends (docs/mail.md, "The outbox API").</summary>
public sealed class OutboxSchemas : IOpenApiDocumentTransformer
{
    public const string Mail = "OutboxMailDto";
    public const string Page = "OutboxPage";

    public static JsonObject ExampleMail() => new()
    {
        ["id"] = 7,
        ["ticket_id"] = 12,
        ["kind"] = "resolved",
        ["to"] = "dana@example.com",
        ["to_name"] = "Dana Scully",
        ["subject"] = "[#12] Email outage",
        ["body"] = "Hello Dana Scully,\n\nYour request \"Email outage\" (ticket #12) has been resolved. ...",
        ["status"] = "QUEUED",
        ["attempts"] = 2,
        ["last_error"] = "Could not connect to smtp.example.com:587: Connection refused.",
        ["next_attempt_at"] = "2025-01-08T14:17:22.123456Z",
        ["created"] = "2025-01-08T14:15:22.123456Z",
        ["sent_at"] = null,
        ["message_id"] = "<ticket-12.resolved.5f0c2a9e4b8d4f6c9a1e3b7d2c6f8a10@example.com>",
        ["in_reply_to"] = "<ticket-12@example.com>",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas[Mail] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One outbound email and where its delivery stands.",
            Required = new HashSet<string>
            {
                "id", "ticket_id", "kind", "to", "to_name", "subject", "body", "status", "attempts", "last_error",
                "next_attempt_at", "created", "sent_at", "message_id", "in_reply_to",
            },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = TicketSchemas.IdSchema("Server-assigned identifier."),
                ["ticket_id"] = TicketSchemas.IdSchema("The ticket the mail is about; kept when the ticket is deleted."),
                ["kind"] = Enum("reply (an approved reply), resolved or closed (the notice to the requester).", OutboxMailKinds.Reply, OutboxMailKinds.Resolved, OutboxMailKinds.Closed),
                ["to"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "email", Description = "The recipient: the ticket's requester_email when the mail was staged." },
                ["to_name"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The recipient's name, when known." },
                ["subject"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "[#<ticket id>] <title>." },
                ["body"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The plain-text body." },
                ["status"] = Enum("QUEUED (waiting, maybe for a retry), SENDING (in a sender's hands), SENT (the server accepted it), FAILED (given up).",
                    [.. OutboxMailStatuses.All]),
                ["attempts"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Description = "Deliveries tried so far." },
                ["last_error"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "Why the last failed attempt failed; null when none has." },
                ["next_attempt_at"] = Timestamp("When a QUEUED mail is tried next, UTC with microseconds.", nullable: false),
                ["created"] = Timestamp("When the mail was staged, UTC with microseconds.", nullable: false),
                ["sent_at"] = Timestamp("When the server accepted the mail; null until SENT.", nullable: true),
                ["message_id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The Message-ID header, angle brackets included; fixed when staged, the same on every attempt." },
                ["in_reply_to"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The ticket's thread root, sent as In-Reply-To and References." },
            },
            Examples = [ExampleMail()],
        };
        schemas[Page] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One page of the outbox, newest first, in the Django REST Framework page shape.",
            Required = new HashSet<string> { "count", "next", "previous", "results" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["count"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Description = "Mails matching, on all pages." },
                ["next"] = Link("Absolute link to the next page, keeping every other parameter; null on the last page."),
                ["previous"] = Link("Absolute link to the previous page; null on the first."),
                ["results"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = TicketSchemas.Ref(document, Mail) },
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Enum(string description, params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)!)],
    };

    private static OpenApiSchema Timestamp(string description, bool nullable) => new()
    {
        Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
        Format = "date-time",
        Description = description,
        Examples = ["2025-01-08T14:15:22.123456Z"],
    };

    private static OpenApiSchema Link(string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "uri", Description = description };
}
