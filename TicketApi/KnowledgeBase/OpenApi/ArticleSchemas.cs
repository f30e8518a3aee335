using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.OpenApi;

namespace TicketApi.KnowledgeBase.OpenApi;

/// <summary>
/// The article schemas, by hand for the same reason as the ticket ones (TicketSchemas): they say what the
/// server does (docs/knowledge-base.md): POST requires title, category and body, PATCH any subset, no field
/// nullable, unknown fields refused; id, created and updated may ride along and are ignored.
/// </summary>
public sealed class ArticleSchemas : IOpenApiDocumentTransformer
{
    public const string Article = "ArticleDto";
    public const string Page = "ArticlePage";
    public const string CreateRequest = "ArticleCreateRequest";
    public const string PatchRequest = "ArticlePatchRequest";

    public static JsonObject ExampleArticle() => new()
    {
        ["id"] = 4,
        ["slug"] = "vpn-drops",
        ["title"] = "VPN drops every few minutes",
        ["category"] = "NETWORK",
        ["tags"] = new JsonArray("vpn", "remote"),
        ["body"] = "## Steps\n1. Plug your laptop into the router with a cable ...",
        ["internal_notes"] = "- Likely causes: unstable home Wi-Fi, MTU on 4G links ...",
        ["created"] = "2025-01-08T14:15:22.123456Z",
        ["updated"] = "2025-01-08T14:15:22.123456Z",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas[Article] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A knowledge-base article. internal_notes are for staff and never sent to a requester.",
            Required = new HashSet<string> { "id", "slug", "title", "category", "tags", "body", "internal_notes", "created", "updated" },
            AdditionalPropertiesAllowed = false,
            Properties = Fields(document, readOnly: true),
            Examples = [ExampleArticle()],
        };
        schemas[Page] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One page of articles, in the Django REST Framework page shape.",
            Required = new HashSet<string> { "count", "next", "previous", "results" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["count"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Description = "Articles matching, on all pages." },
                ["next"] = Link("Absolute link to the next page, keeping every other parameter; null on the last page."),
                ["previous"] = Link("Absolute link to the previous page; null on the first."),
                ["results"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = TicketSchemas.Ref(document, Article) },
            },
        };
        schemas[CreateRequest] = Write("A new article. title, category and body are required; without a slug one is made from the title.",
            ["title", "category", "body"], document);
        schemas[PatchRequest] = Write("Any subset of an article's writable fields.", [], document);
        return Task.CompletedTask;
    }

    private static OpenApiSchema Write(string description, string[] required, OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description + " Unknown fields are refused (400); id, created and updated are ignored.",
        Required = new HashSet<string>(required),
        AdditionalPropertiesAllowed = false,
        Properties = Fields(document, readOnly: false),
    };

    private static Dictionary<string, IOpenApiSchema> Fields(OpenApiDocument document, bool readOnly)
    {
        var fields = new Dictionary<string, IOpenApiSchema>
        {
            ["slug"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, MinLength = 1, MaxLength = ArticleRules.MaxSlugLength, Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$",
                Description = "Stable name: lower-case words joined by hyphens; unique (409 when taken).", Examples = ["vpn-drops"],
            },
            ["title"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, MinLength = 1, MaxLength = ArticleRules.MaxTitleLength,
                Description = $"1-{ArticleRules.MaxTitleLength} characters after trimming.", Examples = ["VPN drops every few minutes"],
            },
            ["category"] = TicketSchemas.Ref(document, TicketSchemas.Category),
            ["tags"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, MaxItems = ArticleRules.MaxTags, Description = $"Up to {ArticleRules.MaxTags} tags, each once.",
                Items = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = ArticleRules.MaxTagLength },
            },
            ["body"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, MinLength = 1, MaxLength = ArticleRules.MaxBodyLength,
                Description = "Customer-safe steps, markdown; 1-50,000 characters.",
            },
            ["internal_notes"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, MaxLength = ArticleRules.MaxInternalNotesLength,
                Description = "For staff only (cause, checks, fixes); never sent to a requester. Up to 50,000 characters.",
            },
        };
        if (readOnly)
        {
            fields["id"] = TicketSchemas.IdSchema("Server-assigned identifier.");
            fields["created"] = Timestamp("When the article was created, UTC with microseconds.");
            fields["updated"] = Timestamp("When the article last changed, UTC with microseconds.");
        }
        else
        {
            foreach (var ignored in new[] { "id", "created", "updated" })
            {
                fields[ignored] = new OpenApiSchema { ReadOnly = true, Description = "Read-only: accepted so a GET-edit-PATCH round trip works, and ignored." };
            }
        }
        return fields;
    }

    private static OpenApiSchema Timestamp(string description) =>
        new() { Type = JsonSchemaType.String, Format = "date-time", Description = description, Examples = ["2025-01-08T14:15:22.123456Z"] };

    private static OpenApiSchema Link(string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "uri", Description = description };
}
