using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketApi.OpenApi;

/// <summary>
/// What endpoint metadata cannot say about assignment and ratings (docs/accounts.md, "Assignment", "Satisfaction"):
/// the integer path id, If-Match and ETag, the request examples "Try it out" sends, and each error's problem schema
/// and words.
/// </summary>
public sealed class TrustOperations : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> AssignProblems = new()
    {
        ["400"] = "Malformed JSON, no assignee member, another member, or an unparsable If-Match (field errors under errors).",
        ["404"] = "No ticket with this id.",
        ["409"] = "Too many concurrent writes to the ticket won first; try again.",
        ["412"] = "If-Match does not match the ticket's current ETag (current_etag).",
        ["413"] = "The body is larger than 256 KiB.",
        ["415"] = "The body is not JSON.",
        ["422"] = "Nobody has this id or email address, or the person is neither an agent nor an admin.",
    };

    private static readonly Dictionary<string, string> RateProblems = new()
    {
        ["400"] = "Malformed JSON, score missing or not a whole number, or an unknown member (field errors under errors).",
        ["403"] = "Agents and admins do not rate; the requester does.",
        ["404"] = "No ticket with this id, or a ticket that is not the caller's.",
        ["409"] = "The ticket is not RESOLVED or CLOSED, or it was rated already.",
        ["413"] = "The body is larger than 256 KiB.",
        ["415"] = "The body is not JSON.",
        ["422"] = "A score outside 1-5 or a comment over 2,000 characters.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document!;
        switch (operation.OperationId)
        {
            case "AssignTicket":
                TicketOperations.Id(operation);
                operation.Parameters!.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Description = "Assign only if the ticket still has this ETag (strong comparison), or * for any version; otherwise 412.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
                Example(operation, new JsonObject { ["assignee"] = "me" });
                TicketOperations.Respond(operation, "200", "The ticket with its assignee.", example: TicketSchemas.ExampleTicket(), ("ETag", new OpenApiHeader
                {
                    Description = "Strong entity tag of the ticket's version.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    Example = "\"2\"",
                }));
                TicketOperations.ProblemSchemas(operation, document, AssignProblems, conflictSchema: TicketSchemas.Problem);
                break;
            case "RateTicket":
                TicketOperations.Id(operation);
                Example(operation, new JsonObject { ["score"] = 5, ["comment"] = "Quick and friendly." });
                TicketOperations.Respond(operation, "201", "The rating, recorded.", example: new JsonObject
                {
                    ["score"] = 5,
                    ["comment"] = "Quick and friendly.",
                    ["rated_at"] = "2025-01-09T08:00:00.000000Z",
                });
                TicketOperations.ProblemSchemas(operation, document, RateProblems, conflictSchema: TicketSchemas.Problem);
                break;
            case "RatingSummary":
                TicketOperations.Respond(operation, "200", "Every rating given, counted and averaged.", example: new JsonObject
                {
                    ["count"] = 3,
                    ["average"] = 3.67,
                    ["by_score"] = new JsonObject { ["1"] = 0, ["2"] = 1, ["3"] = 0, ["4"] = 1, ["5"] = 1 },
                    ["by_category"] = new JsonObject
                    {
                        ["EMAIL"] = new JsonObject { ["count"] = 2, ["average"] = 3.5 },
                        ["NETWORK"] = new JsonObject { ["count"] = 1, ["average"] = 4.0 },
                    },
                });
                break;
        }
        return Task.CompletedTask;
    }

    private static void Example(OpenApiOperation operation, JsonObject example)
    {
        if (operation.RequestBody is OpenApiRequestBody { Content: { } content } body && content.TryGetValue("application/json", out var media))
        {
            body.Required = true;
            body.Description = "JSON (application/json or any +json type); at most 256 KiB.";
            media.Example = example;
        }
    }
}
