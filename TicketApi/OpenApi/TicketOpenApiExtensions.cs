using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketApi.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) both hosts serve, and what makes it true to the code.</summary>
public static class TicketOpenApiExtensions
{
    public static IServiceCollection AddTicketOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentInfo>();
            options.AddDocumentTransformer<TicketSchemas>();
            options.AddOperationTransformer<TicketQueryParametersTransformer>();
            options.AddOperationTransformer<TicketOperations>();
            options.AddOperationTransformer<TicketMessageOperations>();
        });

    /// <summary>
    /// Title, description, tags, servers and security for readers and linters (Redocly's recommended rules). No license is declared: the project has not
    /// chosen one, and the document should not invent it.
    /// </summary>
    private sealed class DocumentInfo : IOpenApiDocumentTransformer
    {
        private static readonly Dictionary<string, string> TagDescriptions = new()
        {
            ["Tickets"] = "Tickets and their lifecycle: OPEN -> RESOLVED -> CLOSED, RESOLVED -> OPEN.",
            ["Conversations"] = "A ticket's thread: the requester's messages, public replies and internal notes.",
            ["Drafts"] = "Drafted replies: written, refined and edited as versions, sent to the requester only by a person's approval.",
            ["Knowledge base"] = "Articles with customer-safe steps and staff-only internal notes, searchable by relevance.",
            ["Health"] = "Liveness and the state of the service's checks.",
            ["Chat"] = "The agent: plain-language requests answered as Server-Sent Events.",
        };

        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "AgentTickets API",
                Version = "1.0.0",
                Description = "The AgentTickets ticket service (REST, JSON in snake_case, RFC 9457 problem details). " +
                              "Every GET also answers HEAD with the same status and headers and no body.",
            };
            // The framework names the server from the request's base address, which ends in a slash; paths
            // start with one, so joined as OpenAPI says the slash would be doubled.
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }
            // No authentication (the hosts bind to loopback by default): said explicitly, as one empty
            // requirement, rather than left for a reader to guess.
            document.Security = [new OpenApiSecurityRequirement()];
            // Tags in the order operations use them, each described; operations only name tags listed here.
            var used = document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
                .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>().Distinct().ToList() ?? [];
            document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
            {
                Name = name,
                Description = TagDescriptions.GetValueOrDefault(name, name),
            }));
            return Task.CompletedTask;
        }
    }
}
