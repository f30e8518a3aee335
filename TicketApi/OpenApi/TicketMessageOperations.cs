using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketApi.OpenApi;

/// <summary>
/// The thread operations' part of the document (docs/rest-api.md, "Conversation thread"): the page and
/// message schemas, the paging parameters, the body with an example, and what each error means here.
/// </summary>
public sealed class TicketMessageOperations : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> ProblemDescriptions = new()
    {
        ["400"] = "Bad request: malformed JSON, wrong types, missing or unknown fields (field errors under errors), or a bad or unknown query parameter.",
        ["404"] = "No ticket with this id, or a page past the last one.",
        ["409"] = "A customer message on a CLOSED ticket (open a new ticket instead), or too many concurrent writes.",
        ["413"] = "The body is larger than 256 KiB.",
        ["415"] = "The body is not JSON.",
        ["422"] = "A field value a message cannot take: unknown kind (the allowed kinds are named), blank or too long body, too long author.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document!;
        switch (operation.OperationId)
        {
            case "ListTicketMessages":
                TicketOperations.Id(operation);
                Paging(operation);
                TicketOperations.Respond(operation, "200", "A page of the thread, oldest first.", example: new JsonObject
                {
                    ["count"] = 1,
                    ["next"] = null,
                    ["previous"] = null,
                    ["results"] = new JsonArray(TicketSchemas.ExampleMessage()),
                });
                break;
            case "AddTicketMessage":
                TicketOperations.Id(operation);
                TicketOperations.Body(operation, TicketSchemas.MessageCreateRequest, document, new JsonObject
                {
                    ["kind"] = "reply",
                    ["body"] = "We have restarted the mail relay; outbound mail should flow again.",
                    ["author"] = "Sam (support)",
                });
                TicketOperations.Respond(operation, "201", "Added; the ticket changed as the kind says (reopened, first_response_at set) in the same transaction.",
                    example: TicketSchemas.ExampleMessage());
                break;
            default:
                return Task.CompletedTask;
        }
        TicketOperations.ProblemSchemas(operation, document);
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse problem && ProblemDescriptions.TryGetValue(status, out var text))
            {
                problem.Description = text;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The ticket list's page and page_size, as the endpoint reads them (no other parameter is allowed).</summary>
    private static void Paging(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        foreach (var parameter in new[] { Querying.TicketQueryParameters.Page, Querying.TicketQueryParameters.PageSize })
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Required = false,
                Description = parameter.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
            });
        }
    }
}
