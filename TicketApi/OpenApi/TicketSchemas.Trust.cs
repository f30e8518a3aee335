using Microsoft.OpenApi;

namespace TicketApi.OpenApi;

/// <summary>The schemas of a ticket's assignee and satisfaction rating (docs/accounts.md, "Assignment", "Satisfaction").</summary>
public sealed partial class TicketSchemas
{
    internal static OpenApiSchema AssigneeSchema() => new()
    {
        Type = JsonSchemaType.Object | JsonSchemaType.Null,
        Description = "The agent or admin working on the ticket; null while unassigned. Set with PUT /api/tickets/{id}/assignee.",
        Required = new HashSet<string> { "id", "name" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The person's id (\"local\" for the local admin of local mode)." },
            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The name shown for them." },
        },
    };

    internal static OpenApiSchema RatingSchema() => new()
    {
        Type = JsonSchemaType.Object | JsonSchemaType.Null,
        Description = "The requester's satisfaction rating, given once after resolution; null until then.",
        Required = new HashSet<string> { "score", "comment", "rated_at" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["score"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = "5", Description = "1 (very unhappy) to 5 (very happy)." },
            ["comment"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What the requester wrote with it." },
            ["rated_at"] = Timestamp("When it was given, UTC."),
        },
    };
}
