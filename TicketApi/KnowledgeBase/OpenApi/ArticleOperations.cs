using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.KnowledgeBase.Http;
using TicketApi.OpenApi;

namespace TicketApi.KnowledgeBase.OpenApi;

/// <summary>
/// What endpoint metadata cannot say about the article operations: the list's query parameters (read from
/// the raw query string), the write bodies, the integer id, ETag/If-Match/If-None-Match/Location, the
/// problem schema of each error status, and examples so Swagger UI's "Try it out" works as shown.
/// </summary>
public sealed class ArticleOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document!;
        switch (operation.OperationId)
        {
            case "ListArticles":
                QueryParameters(operation, document);
                TicketOperations.Respond(operation, "200", "A page of articles; a search is ordered by relevance unless ordering is given.",
                    new JsonObject { ["count"] = 1, ["next"] = null, ["previous"] = null, ["results"] = new JsonArray(ArticleSchemas.ExampleArticle()) });
                break;
            case "CreateArticle":
                Body(operation, ArticleSchemas.CreateRequest, document, new JsonObject
                {
                    ["title"] = "Reset a forgotten password",
                    ["category"] = "ACCOUNT",
                    ["tags"] = new JsonArray("password", "reset"),
                    ["body"] = "## Steps\n1. Go to the password reset page ...",
                    ["internal_notes"] = "Check the sign-in logs for error 50126.",
                });
                TicketOperations.Respond(operation, "201", "Created; Location names the new article.", ArticleSchemas.ExampleArticle(), ETag(), Location());
                break;
            case "GetArticle":
                Id(operation);
                Header(operation, "If-None-Match", "An ETag the client holds: when it is still current the answer is 304 with no body (weak comparison).");
                TicketOperations.Respond(operation, "200", "The article.", ArticleSchemas.ExampleArticle(), ETag());
                TicketOperations.Respond(operation, "304", "Not modified: the If-None-Match ETag is current.", null, ETag());
                break;
            case "PatchArticle":
                Id(operation);
                IfMatch(operation);
                Body(operation, ArticleSchemas.PatchRequest, document, new JsonObject { ["tags"] = new JsonArray("vpn", "remote", "home") });
                TicketOperations.Respond(operation, "200", "The article as changed.", ArticleSchemas.ExampleArticle(), ETag());
                break;
            case "DeleteArticle":
                Id(operation);
                IfMatch(operation);
                TicketOperations.Respond(operation, "204", "Deleted.", null);
                break;
            default:
                return Task.CompletedTask;
        }
        ProblemSchemas(operation, document);
        return Task.CompletedTask;
    }

    private static void QueryParameters(OpenApiOperation operation, OpenApiDocument document)
    {
        operation.Parameters ??= [];
        void Add(string name, string description, IOpenApiSchema schema) => operation.Parameters.Add(new OpenApiParameter
        {
            Name = name, In = ParameterLocation.Query, Required = false, Description = description, Schema = schema,
        });
        Add(ArticleQueryParser.Page, "Page number, from 1.", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" });
        Add(ArticleQueryParser.PageSize, $"Articles per page (default {ArticleQuery.DefaultPageSize}, at most {ArticleQuery.MaxPageSize}).",
            new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" });
        Add(ArticleQueryParser.Search, $"Words matched in title, tags and body (any of them, stop words ignored), ranked by relevance; up to {ArticleQueryParser.MaxSearchLength} characters.",
            new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ArticleQueryParser.MaxSearchLength });
        Add(ArticleQueryParser.Category, "Only articles of this category.", TicketSchemas.Ref(document, TicketSchemas.Category));
        Add(ArticleQueryParser.CategoryIn, "Only articles of these categories, comma-separated, e.g. EMAIL,NETWORK.", new OpenApiSchema { Type = JsonSchemaType.String });
        Add(ArticleQueryParser.Ordering, $"Comma-separated fields of {string.Join(", ", ArticleQueryParser.OrderFields)}; prefix - for descending. Default: relevance for a search, otherwise title.",
            new OpenApiSchema { Type = JsonSchemaType.String });
    }

    private static void Id(OpenApiOperation operation)
    {
        if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "id" && p.In == ParameterLocation.Path) is { } id)
        {
            id.Description = "The article's id. Anything that is not a positive whole number names no article (404).";
            id.Schema = TicketSchemas.IdSchema("Article id.");
            id.Example = 1;
        }
    }

    private static void IfMatch(OpenApiOperation operation) => Header(operation, "If-Match",
        "Write only if the article still has this ETag (strong comparison), or * for any version; otherwise 412. A header that is not a list of entity tags is 400.");

    private static void Header(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name, In = ParameterLocation.Header, Required = false, Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    private static void Body(OpenApiOperation operation, string schema, OpenApiDocument document, JsonObject example) =>
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "JSON (application/json or any +json type); at most 2 MiB.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = TicketSchemas.Ref(document, schema), Example = example },
            },
        };

    private static (string, OpenApiHeader) ETag() => ("ETag", new OpenApiHeader
    {
        Description = "Strong entity tag of the article's version; send it back in If-Match to write safely.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = "\"1\"",
    });

    private static (string, OpenApiHeader) Location() => ("Location", new OpenApiHeader
    {
        Description = "Path of the new article, /api/articles/{id}/.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
        Example = "/api/articles/26/",
    });

    // Articles have no lifecycle, so their 409 (a taken slug, contention) is a plain problem.
    private static void ProblemSchemas(OpenApiOperation operation, OpenApiDocument document) =>
        TicketOperations.ProblemSchemas(operation, document, ProblemDescriptions, conflictSchema: TicketSchemas.Problem);

    private static readonly Dictionary<string, string> ProblemDescriptions = new()
    {
        ["400"] = "Bad request: malformed JSON, wrong types, missing or unknown fields (field errors under errors), a bad query parameter, or an unparsable If-Match.",
        ["404"] = "No article with this id, or a page past the last one.",
        ["408"] = "The body arrived too slowly.",
        ["409"] = "The slug is taken by another article, or too many concurrent writes.",
        ["412"] = "If-Match does not match the article's current ETag (current_etag).",
        ["413"] = "The body is larger than 2 MiB.",
        ["415"] = "The body is not JSON.",
        ["422"] = "A field value an article cannot take: blank or too long title or body, unknown category, bad slug, too many or too long tags.",
    };
}
