using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.OpenApi;

namespace TicketApi.Accounts.OpenApi;

/// <summary>
/// What the metadata of <c>/api/keys</c> (docs/accounts.md, "API keys") cannot say: the <c>user</c> parameter of the
/// list (read from the raw query so an unknown one is a 400), examples, and the problem schemas with what each refusal means.
/// </summary>
public sealed class ApiKeyOperations : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> ProblemDescriptions = new()
    {
        ["400"] = "A malformed body, or an unknown query parameter (errors names it).",
        ["401"] = "No credential where one is needed, or a bad, expired or revoked one (WWW-Authenticate: Bearer).",
        ["403"] = "The credential reaches too little: a read key cannot issue or revoke, and only an admin (with an admin-scoped credential) may list other people's keys.",
        ["404"] = "No such key, or someone else's (unless the caller is an admin): a key's existence is its owner's business.",
        ["415"] = "The body is not JSON.",
        ["422"] = "No name, no scope or an unknown one, or a scope beyond the caller's role or credential (errors names each).",
    };

    private static readonly string[] Operations = ["IssueApiKey", "ListApiKeys", "RevokeApiKey"];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (!Operations.Contains(operation.OperationId))
        {
            return Task.CompletedTask;
        }
        var document = context.Document!;
        switch (operation.OperationId)
        {
            case "IssueApiKey" when operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true:
                media.Example = new JsonObject { ["name"] = "ci-bot", ["scopes"] = new JsonArray("read") };
                break;
            case "ListApiKeys":
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "user", In = ParameterLocation.Query, Required = false,
                    Description = "Admins only: a person's id for their keys, or all for everyone's. Without it, the caller's own keys.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = ["all"] },
                });
                break;
            case "RevokeApiKey" when operation.Parameters?.FirstOrDefault(parameter => parameter.Name == "id") is OpenApiParameter id:
                id.Description = "The key's id (from GET /api/keys or the answer that issued it).";
                id.Example = "1";
                break;
        }
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse { Content: { } content } && content.TryGetValue("application/problem+json", out var problem))
            {
                problem.Schema = TicketSchemas.Ref(document, status == "422" ? TicketSchemas.ValidationProblem : TicketSchemas.Problem);
                response.Description = ProblemDescriptions.TryGetValue(status, out var text) ? text : response.Description;
            }
        }
        return Task.CompletedTask;
    }
}
