using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using TicketApi.Contracts;
using TicketApi.Conversations;

namespace TicketApi.OpenApi;

/// <summary>The schemas of a ticket's conversation thread (docs/rest-api.md, "Conversation thread").</summary>
public sealed partial class TicketSchemas
{
    public const string Message = "TicketMessageDto";
    public const string MessagePage = "TicketMessagePage";
    public const string MessageKind = "TicketMessageKind";
    public const string MessageChannel = "TicketMessageChannel";
    public const string MessageCreateRequest = "TicketMessageCreateRequest";

    public static JsonObject ExampleMessage() => new()
    {
        ["id"] = 31,
        ["ticket_id"] = 1,
        ["kind"] = "reply",
        ["author"] = "Sam (support)",
        ["body"] = "We have restarted the mail relay; outbound mail should flow again.",
        ["created"] = "2025-01-08T15:02:10.654321Z",
        ["channel"] = "rest",
    };

    private static void AddMessageSchemas(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        schemas[MessageKind] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. TicketMessageKinds.All.Select(k => (JsonNode)k)],
            Description = "customer: from the requester (reopens a RESOLVED ticket; refused on a CLOSED one). reply: a public answer (the first sets first_response_at). note: internal, never shown to the requester.",
        };
        schemas[MessageChannel] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. TicketMessageChannels.All.Select(c => (JsonNode)c)],
            Description = "Where the message came from; set by the server (rest for this API).",
        };
        schemas[Message] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One message of a ticket's thread.",
            Required = new HashSet<string> { "id", "ticket_id", "kind", "author", "body", "created", "channel" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = IdSchema("Server-assigned identifier; later messages have larger ids."),
                ["ticket_id"] = IdSchema("The ticket the message belongs to."),
                ["kind"] = Ref(document, MessageKind),
                ["author"] = Nullable(AuthorSchema()),
                ["body"] = MessageBodySchema(),
                ["created"] = Timestamp("When the message was added, UTC with microseconds."),
                ["channel"] = Ref(document, MessageChannel),
            },
            Examples = [ExampleMessage()],
        };
        schemas[MessagePage] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One page of a thread, oldest first, in the ticket list's page shape.",
            Required = new HashSet<string> { "count", "next", "previous", "results" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["count"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Description = "Messages in the thread, on all pages." },
                ["next"] = Link("Absolute link to the next page; null on the last page."),
                ["previous"] = Link("Absolute link to the previous page; null on the first."),
                ["results"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Ref(document, Message) },
            },
        };
        schemas[MessageCreateRequest] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A new message. kind and body are required. Unknown fields are refused (400); id, ticket_id, created and channel are ignored.",
            Required = new HashSet<string> { "kind", "body" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["kind"] = Ref(document, MessageKind),
                ["body"] = MessageBodySchema(),
                ["author"] = Nullable(AuthorSchema()),
                ["id"] = Ignored(),
                ["ticket_id"] = Ignored(),
                ["created"] = Ignored(),
                ["channel"] = Ignored(),
            },
        };
    }

    private static OpenApiSchema MessageBodySchema() => new()
    {
        Type = JsonSchemaType.String,
        MinLength = 1,
        MaxLength = TicketMessageRules.MaxBodyLength,
        Description = $"The text, 1-{TicketMessageRules.MaxBodyLength:N0} characters after trimming.",
        Examples = ["We have restarted the mail relay; outbound mail should flow again."],
    };

    private static OpenApiSchema AuthorSchema() => new()
    {
        Type = JsonSchemaType.String,
        MaxLength = TicketMessageRules.MaxAuthorLength,
        Description = $"Display name of who wrote it, up to {TicketMessageRules.MaxAuthorLength} characters (trimmed); null when not given.",
        Examples = ["Sam (support)"],
    };
}
