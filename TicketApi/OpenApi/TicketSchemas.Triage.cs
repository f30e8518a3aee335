using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using TicketApi.Tickets;
using TicketApi.Triage;

namespace TicketApi.OpenApi;

/// <summary>The schemas of the stage-2 ticket fields: the triaged labels, the triage record and the requester (docs/triage.md).</summary>
public sealed partial class TicketSchemas
{
    private static OpenApiSchema Labels(TriageField field, string description) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. TriageLabels.Of(field).Select(label => (JsonNode)label)],
        Description = description,
    };

    private static OpenApiSchema TriagedValueSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "One triaged field: its value, how sure the answer is, why, and who gave it.",
        Required = new HashSet<string> { "value", "confidence", "reason", "source" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["value"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One of the field's values." },
            ["confidence"] = new OpenApiSchema { Type = JsonSchemaType.Number, Minimum = "0", Maximum = "1", Description = "Calibrated probability that the value is right; 1 for a person's." },
            ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One line a person can check against the ticket." },
            ["source"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [(JsonNode)"rules", "model", "human"], Description = "rules: the offline triager; model: a language model; human: set by a person, never overwritten by triage." },
        },
    };

    private static OpenApiSchema TriageSchema(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "How each triaged value was reached (docs/triage.md).",
        Required = new HashSet<string> { "status", "triaged_at", CategoryField, PriorityField, "sentiment" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [(JsonNode)"pending", "done", "failed"], Description = "pending: a model is working on it; done; failed: the rules' answer stands." },
            ["triaged_at"] = Timestamp("When triage last ran, UTC."),
            [CategoryField] = Ref(document, TriagedValue),
            [PriorityField] = Ref(document, TriagedValue),
            ["sentiment"] = Ref(document, TriagedValue),
        },
    };

    private static OpenApiSchema RequesterNameSchema() => new()
    {
        Type = JsonSchemaType.String,
        MaxLength = TicketFieldRules.MaxRequesterNameLength,
        Description = $"Who asked, up to {TicketFieldRules.MaxRequesterNameLength} characters (trimmed); \"\" or null clears it.",
        Examples = ["Dana Whitfield"],
    };

    private static OpenApiSchema RequesterEmailSchema() => new()
    {
        Type = JsonSchemaType.String,
        MaxLength = TicketFieldRules.MaxRequesterEmailLength,
        Description = "Where replies go: one plain address such as name@example.com (422 otherwise); \"\" or null clears it.",
        Examples = ["dana@example.com"],
    };

    private static OpenApiSchema Nullable(OpenApiSchema schema)
    {
        schema.Type |= JsonSchemaType.Null;
        return schema;
    }

    private static OpenApiSchema OptionalTimestamp(string description) =>
        new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date-time", Description = description };
}
