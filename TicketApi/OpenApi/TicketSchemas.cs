using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.Contracts;
using TicketApi.Http;
using TicketApi.Tickets;
using TicketApi.Triage;

namespace TicketApi.OpenApi;

/// <summary>
/// The ticket API's schemas, written out by hand because they must say what the server does rather than what
/// the C# types allow (docs/rest-api.md): ids and counts are integers (the generator also admits strings,
/// which the server never sends), timestamps are date-time strings, and each write has its own body: POST
/// requires only <c>title</c>, PUT every writable field, PATCH any subset, none of them nullable, and no
/// unknown field (400). <c>id</c>, <c>created</c> and <c>updated</c> may ride along in a body and are ignored.
/// Problem responses get RFC 9457 schemas with the extension members this API adds. The conformance tests
/// validate real responses against these, so they cannot drift from the code.
/// </summary>
public sealed partial class TicketSchemas : IOpenApiDocumentTransformer
{
    public const string Ticket = "TicketDto";
    public const string Page = "TicketPage";
    public const string Status = "TicketStatus";
    public const string Priority = "TicketPriority";
    public const string Category = "TicketCategory";
    public const string Sentiment = "TicketSentiment";
    public const string Triage = "TicketTriage";
    public const string TriagedValue = "TriagedValue";
    public const string CreateRequest = "TicketCreateRequest";
    public const string ReplaceRequest = "TicketReplaceRequest";
    public const string PatchRequest = "TicketPatchRequest";
    public const string Health = "HealthResponse";
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "HttpValidationProblemDetails";
    public const string TransitionProblem = "TransitionProblemDetails";
    public const string PreconditionProblem = "PreconditionProblemDetails";

    public static JsonObject ExampleTicket() => new()
    {
        ["id"] = 1,
        ["title"] = "Email outage",
        ["description"] = "Outbound mail has been failing since 9am UTC.",
        ["created"] = "2025-01-08T14:15:22.123456Z",
        ["updated"] = "2025-01-08T14:15:22.123456Z",
        ["resolution_status"] = "OPEN",
        ["priority"] = "HIGH",
        ["category"] = "EMAIL",
        ["sentiment"] = "NEUTRAL",
        ["requester_name"] = "Dana Whitfield",
        ["requester_email"] = "dana@example.com",
        ["triage"] = new JsonObject
        {
            ["status"] = "done",
            ["triaged_at"] = "2025-01-08T14:15:22.123456Z",
            ["category"] = TriagedExample("EMAIL", 0.93, "mentions \"outbound\", \"mail\"", "rules"),
            ["priority"] = TriagedExample("HIGH", 1.0, TicketTriaging.HumanReason, "human"),
            ["sentiment"] = TriagedExample("NEUTRAL", 0.71, "mentions \"failing\"", "rules"),
        },
        ["first_response_at"] = null,
        ["resolved_at"] = null,
        ["closed_at"] = null,
        ["assignee"] = null,
        ["rating"] = null,
        ["channel"] = "email",
    };

    private static JsonObject TriagedExample(string value, double confidence, string reason, string source) =>
        new() { ["value"] = value, ["confidence"] = confidence, ["reason"] = reason, ["source"] = source };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas[Status] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. TicketStatuses.All.Select(s => (JsonNode)TicketStatuses.ToWire(s))],
            Description = "Lifecycle state. OPEN -> RESOLVED, RESOLVED -> OPEN (reopen), RESOLVED -> CLOSED; CLOSED is final.",
        };
        schemas[Priority] = Labels(TriageField.Priority, "Urgency by impact: LOW < NORMAL < HIGH < URGENT (ordering=-priority puts URGENT first).");
        schemas[Category] = Labels(TriageField.Category, "What the problem is about.");
        schemas[Sentiment] = Labels(TriageField.Sentiment, "The requester's tone, not the problem's severity.");
        schemas[TriagedValue] = TriagedValueSchema();
        schemas[Triage] = TriageSchema(document);
        schemas[Ticket] = TicketSchema(document);
        schemas[Page] = PageSchema(document);
        schemas[CreateRequest] = WriteSchema(document, "A new ticket. Only title is required; it starts OPEN.", [Title], OnlyOpen());
        schemas[ReplaceRequest] = WriteSchema(document, "Every writable field of a ticket. A status change follows the lifecycle.", [Title, Description, StatusField], Ref(document, Status));
        schemas[PatchRequest] = WriteSchema(document, "Any subset of the writable fields. A status change follows the lifecycle.", [], Ref(document, Status));
        AddMessageSchemas(document, schemas);
        schemas[Health] = HealthSchema();
        schemas[Problem] = ProblemSchema();
        schemas[ValidationProblem] = Extends(document, "Field errors: each field that was refused, with its messages.", [Errors], new Dictionary<string, IOpenApiSchema>
        {
            [Errors] = ErrorsSchema(),
        });
        schemas[TransitionProblem] = Extends(document, "A refused status change (current_status, requested_status and allowed_transitions are set), or a write that lost to many concurrent ones (they are absent).", [], new Dictionary<string, IOpenApiSchema>
        {
            ["current_status"] = Ref(document, Status),
            ["requested_status"] = Ref(document, Status),
            ["allowed_transitions"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Ref(document, Status) },
        });
        schemas[PreconditionProblem] = Extends(document, "If-Match named a version the ticket no longer has.", ["current_etag"], new Dictionary<string, IOpenApiSchema>
        {
            ["current_etag"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The ticket's ETag now.", Examples = ["\"3\""] },
        });
        return Task.CompletedTask;
    }

    private const string Title = "title";
    private const string Description = "description";
    private const string StatusField = "resolution_status";
    private const string Errors = "errors";
    private const string PriorityField = "priority";
    private const string CategoryField = "category";
    private const string RequesterName = "requester_name";
    private const string RequesterEmail = "requester_email";

    private static OpenApiSchema TicketSchema(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A ticket as the API shows it.",
        Required = new HashSet<string>
        {
            "id", Title, Description, "created", "updated", StatusField, PriorityField, CategoryField, "sentiment",
            RequesterName, RequesterEmail, "triage", "first_response_at", "resolved_at", "closed_at", "assignee", "rating", "channel",
        },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["id"] = IdSchema("Server-assigned identifier."),
            [Title] = TitleSchema(),
            [Description] = DescriptionSchema(),
            ["created"] = Timestamp("When the ticket was created, UTC with microseconds."),
            ["updated"] = Timestamp("When the ticket last changed, UTC with microseconds."),
            [StatusField] = Ref(document, Status),
            [PriorityField] = Ref(document, Priority),
            [CategoryField] = Ref(document, Category),
            // Like the triage record, the requester's tone is the desk's working (docs/accounts.md, "Visibility").
            ["sentiment"] = new OpenApiSchema
            {
                Description = "The requester's tone; null when the caller is a requester.",
                OneOf = [Ref(document, Sentiment), new OpenApiSchema { Type = JsonSchemaType.Null }],
            },
            [RequesterName] = Nullable(RequesterNameSchema()),
            [RequesterEmail] = Nullable(RequesterEmailSchema()),
            // A requester is shown no triage record (docs/accounts.md, "Visibility").
            ["triage"] = new OpenApiSchema
            {
                Description = "How each triaged value was reached; null when the caller is a requester.",
                OneOf = [Ref(document, Triage), new OpenApiSchema { Type = JsonSchemaType.Null }],
            },
            ["first_response_at"] = OptionalTimestamp("First public reply, UTC; null until there is one."),
            ["resolved_at"] = OptionalTimestamp("The last move to RESOLVED, UTC; null if never resolved."),
            ["closed_at"] = OptionalTimestamp("The move to CLOSED, UTC; null unless closed."),
            ["assignee"] = AssigneeSchema(),
            ["rating"] = RatingSchema(),
            ["channel"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Where the ticket was filed (read-only).",
                Enum = [.. TicketMessageChannels.All.Select(c => (JsonNode)c)],
            },
        },
        Examples = [ExampleTicket()],
    };

    private static OpenApiSchema PageSchema(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "One page of tickets, in the Django REST Framework page shape.",
        Required = new HashSet<string> { "count", "next", "previous", "results" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["count"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Description = "Tickets matching the filters, on all pages." },
            ["next"] = Link("Absolute link to the next page, keeping every other parameter; null on the last page."),
            ["previous"] = Link("Absolute link to the previous page; null on the first."),
            ["results"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Ref(document, Ticket) },
        },
    };

    private static OpenApiSchema WriteSchema(OpenApiDocument document, string description, string[] required, IOpenApiSchema status) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description + " priority and category set here are a person's (triage keeps them). Unknown fields are refused (400); " +
                      "id, created, updated, sentiment, triage and the *_at timestamps are ignored.",
        Required = new HashSet<string>(required),
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            [Title] = TitleSchema(),
            [Description] = DescriptionSchema(),
            [StatusField] = status,
            [PriorityField] = Ref(document, Priority),
            [CategoryField] = Ref(document, Category),
            [RequesterName] = Nullable(RequesterNameSchema()),
            [RequesterEmail] = Nullable(RequesterEmailSchema()),
            ["id"] = Ignored(),
            ["created"] = Ignored(),
            ["updated"] = Ignored(),
            ["sentiment"] = Ignored(),
            ["triage"] = Ignored(),
            ["first_response_at"] = Ignored(),
            ["resolved_at"] = Ignored(),
            ["closed_at"] = Ignored(),
            ["assignee"] = Ignored(),
            ["rating"] = Ignored(),
            ["channel"] = Ignored(),
        },
    };

    /// <summary>The health body; host values may be null (an agent host on the offline planner has no model).</summary>
    private static OpenApiSchema HealthSchema()
    {
        var state = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [(JsonNode)"ok", "degraded", "unhealthy"] };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Liveness, each check's state, and what the host runs with (no secrets).",
            Required = new HashSet<string> { "status", "checks", "host", "channels" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = state.Enum, Description = "The worst of the checks; unhealthy answers 503." },
                ["checks"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = state, Description = "Check name (database, ...) -> state." },
                ["host"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    Description = "The agent host's provider, model and ticket_service; empty in TicketApi.",
                },
                ["channels"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = ChannelStatusSchema(),
                    Description = "Inbound channel (mailbox, freshdesk) -> its last poll; empty when none is configured (docs/channels.md).",
                },
            },
            Examples = [new JsonObject { ["status"] = "ok", ["checks"] = new JsonObject { ["database"] = "ok" }, ["host"] = new JsonObject(), ["channels"] = new JsonObject() }],
        };
    }

    private static OpenApiSchema ChannelStatusSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "state", "last_poll_at", "last_success_at", "last_error", "imported", "ignored" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["state"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [(JsonNode)"starting", "ok", "failing"] },
            ["last_poll_at"] = OptionalTimestamp("When the last poll ended, UTC; null before the first."),
            ["last_success_at"] = OptionalTimestamp("When a poll last succeeded, UTC; null if none has."),
            ["last_error"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What the last failed poll said; null after a clean one." },
            ["imported"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Description = "Items imported since the process started." },
            ["ignored"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Description = "Items deliberately not imported since the process started (automatic mail)." },
        },
    };

    /// <summary>RFC 9457 members; further members (traceId, errors, ...) are extensions, so the object stays open.</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Required = new HashSet<string> { "type", "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", Description = "Identifies the kind of problem." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Short summary of the kind of problem." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong with this request, in words." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "W3C trace id of the request, for the server's logs." },
            [Errors] = ErrorsSchema(),
        },
    };

    private static OpenApiSchema Extends(OpenApiDocument document, string description, string[] required, Dictionary<string, IOpenApiSchema> properties) => new()
    {
        Description = description,
        AllOf =
        [
            Ref(document, Problem),
            new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string>(required), Properties = properties },
        ],
    };

    private static OpenApiSchema ErrorsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Field name -> messages.",
        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
    };

    internal static OpenApiSchema IdSchema(string description) =>
        new() { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1", Description = description, Examples = [1] };

    private static OpenApiSchema TitleSchema() => new()
    {
        Type = JsonSchemaType.String,
        MinLength = 1,
        MaxLength = TicketBodyReader.MaxTitleLength,
        Description = $"Short summary, 1-{TicketBodyReader.MaxTitleLength} characters after trimming.",
        Examples = ["Email outage"],
    };

    private static OpenApiSchema DescriptionSchema() => new()
    {
        Type = JsonSchemaType.String,
        MaxLength = TicketBodyReader.MaxDescriptionLength,
        Description = $"Free text, up to {TicketBodyReader.MaxDescriptionLength:N0} characters (trimmed). Empty when not given on create.",
        Examples = ["Outbound mail has been failing since 9am UTC."],
    };

    private static OpenApiSchema Timestamp(string description) =>
        new() { Type = JsonSchemaType.String, Format = "date-time", Description = description, Examples = ["2025-01-08T14:15:22.123456Z"] };

    private static OpenApiSchema Link(string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "uri", Description = description };

    private static OpenApiSchema Ignored() =>
        new() { ReadOnly = true, Description = "Read-only: accepted so a GET-edit-PUT round trip works, and ignored." };

    internal static IOpenApiSchema Ref(OpenApiDocument document, string id) => new OpenApiSchemaReference(id, document);

    private static OpenApiSchema OnlyOpen() => new()
    {
        Type = JsonSchemaType.String,
        Enum = [(JsonNode)"OPEN"],
        Description = "Only OPEN (the default) is accepted: other states are reached through the lifecycle (422 otherwise).",
    };
}
