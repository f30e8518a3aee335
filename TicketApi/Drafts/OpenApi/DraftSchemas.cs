using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.Conversations;
using TicketApi.OpenApi;

namespace TicketApi.Drafts.OpenApi;

/// <summary>
/// The draft schemas, by hand as the ticket ones are (TicketSchemas), so they say what the server does
/// (docs/drafts.md, "Drafts over REST"): every field always present, unknown body fields refused.
/// </summary>
public sealed class DraftSchemas : IOpenApiDocumentTransformer
{
    public const string Draft = "DraftDto";
    public const string Page = "DraftPage";
    public const string Source = "DraftSource";
    public const string WriteRequest = "DraftWriteRequest";
    public const string EditRequest = "DraftEditRequest";
    public const string SendRequest = "DraftSendRequest";

    public static JsonObject ExampleDraft() => new()
    {
        ["ticket_id"] = 1,
        ["version"] = 3,
        ["status"] = "DRAFT",
        ["reply"] = "Hi Dana,\n\nThanks for reporting this. Please reconnect the VPN client after updating it to 5.2 ...",
        ["tech_instructions"] = "Likely cause: MTU on the home router.\nConfirm: ping -f -l 1400 ...\nFix: set the tunnel MTU to 1380.",
        ["solution_status"] = "FINAL",
        ["follow_up_questions"] = new JsonArray(),
        ["sources"] = new JsonArray(new JsonObject { ["type"] = "article", ["id"] = 4, ["title"] = "VPN drops every few minutes" }),
        ["instruction"] = "make it more concise",
        ["generated_by"] = "offline",
        ["edited"] = false,
        ["remark"] = null,
        ["created"] = "2025-01-08T14:15:22.123456Z",
        ["updated"] = "2025-01-08T14:15:22.123456Z",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas[Source] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An article or earlier ticket a draft rests on.",
            Required = new HashSet<string> { "type", "id", "title" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["article", "ticket"] },
                ["id"] = TicketSchemas.IdSchema("The article's or ticket's id."),
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        schemas[Draft] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One version of a ticket's drafted reply. The current draft is the newest version while its status is DRAFT.",
            Required = new HashSet<string>
            {
                "ticket_id", "version", "status", "reply", "tech_instructions", "solution_status", "follow_up_questions", "sources",
                "instruction", "generated_by", "edited", "remark", "created", "updated",
            },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["ticket_id"] = TicketSchemas.IdSchema("The ticket the draft answers."),
                ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1", Description = "1 for the first draft, one more for each later version." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. DraftStatuses.All.Select(s => (JsonNode)s)], Description = "DRAFT (current while newest), SENT (approved) or DISCARDED." },
                ["reply"] = Text("Plain text for the requester; becomes the thread's reply when sent.", 1, DraftRules.MaxReplyLength),
                ["tech_instructions"] = Text("For staff only; never sent.", 0, DraftRules.MaxTechInstructionsLength),
                ["solution_status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. SolutionStatuses.All.Select(s => (JsonNode)s)] },
                ["follow_up_questions"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["sources"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = TicketSchemas.Ref(document, Source) },
                ["instruction"] = Nullable("The refinement this version answers; null for a fresh draft or an edit."),
                ["generated_by"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "offline or model:<name>." },
                ["edited"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "True when a person wrote this version." },
                ["remark"] = Nullable("What part of a refinement could not be applied; null otherwise."),
                ["created"] = Timestamp("When this version was made, UTC."),
                ["updated"] = Timestamp("When its status last changed, UTC."),
            },
            Examples = [ExampleDraft()],
        };
        schemas[Page] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Every version of a ticket's drafts, newest first, in the ticket list's page shape.",
            Required = new HashSet<string> { "count", "next", "previous", "results" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["count"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Description = "Versions, on all pages." },
                ["next"] = Link("Absolute link to the next page; null on the last page."),
                ["previous"] = Link("Absolute link to the previous page; null on the first."),
                ["results"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = TicketSchemas.Ref(document, Draft) },
            },
        };
        schemas[WriteRequest] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "{} for a fresh draft, or an instruction to refine the current one. Unknown fields are refused (400).",
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["instruction"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null,
                    MinLength = 1,
                    MaxLength = DraftRules.MaxInstructionLength,
                    Description = $"How to change the current draft, 1-{DraftRules.MaxInstructionLength} characters after trimming; null or absent for a fresh draft.",
                },
            },
        };
        schemas[EditRequest] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A person's edit; both fields required. The draft's other fields may ride along (a GET-edit-PUT round trip) and are ignored; unknown fields are refused (400).",
            Required = new HashSet<string> { "reply", "tech_instructions" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["reply"] = Text($"The reply, 1-{DraftRules.MaxReplyLength:N0} characters after trimming.", 1, DraftRules.MaxReplyLength),
                ["tech_instructions"] = Text($"Staff notes, up to {DraftRules.MaxTechInstructionsLength:N0} characters.", 0, DraftRules.MaxTechInstructionsLength),
            },
        };
        schemas[SendRequest] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The approval; every field optional. Unknown fields are refused (400).",
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["resolve"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Also move the ticket to RESOLVED (lifecycle rules apply). Default false." },
                ["author"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null,
                    MaxLength = TicketMessageRules.MaxAuthorLength,
                    Description = "Who approved it, shown as the reply's author.",
                },
                ["version"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer | JsonSchemaType.Null,
                    Format = "int64",
                    Minimum = "1",
                    Description = "The draft version you read and approve; a newer current version is refused with 412 rather than sent unseen.",
                },
            },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Text(string description, int min, int max) =>
        new() { Type = JsonSchemaType.String, MinLength = min, MaxLength = max, Description = description };

    private static OpenApiSchema Nullable(string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };

    private static OpenApiSchema Timestamp(string description) =>
        new() { Type = JsonSchemaType.String, Format = "date-time", Description = description, Examples = ["2025-01-08T14:15:22.123456Z"] };

    private static OpenApiSchema Link(string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "uri", Description = description };
}
