using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentHost.Mcp.Http;

/// <summary>
/// The MCP endpoint as an OAuth protected resource (MCP specification 2025-06-18, "Authorization", "Authorization Server
/// Discovery"; RFC 9728): a 401 from <c>/mcp</c> names the resource metadata document in its
/// <c>WWW-Authenticate: Bearer resource_metadata="..."</c>, and that document is served at
/// <c>/.well-known/oauth-protected-resource</c> (and, as RFC 9728 section 3.1 forms it for a resource with a path, at
/// <c>/.well-known/oauth-protected-resource/mcp</c>). There is no authorization server here, so the document names
/// none: keys are issued by <c>POST /api/keys</c> (docs/mcp.md, "Authorization").
/// </summary>
public sealed class McpProtectedResource
{
    public const string MetadataPath = "/.well-known/oauth-protected-resource";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the metadata document for the MCP endpoint at <paramref name="pattern"/>; open to anonymous requests, as discovery must be.</summary>
    public static void MapMetadata(IEndpointRouteBuilder endpoints, string pattern)
    {
        endpoints.MapGet(MetadataPath, (HttpRequest request) => Document(request, "")).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(MetadataPath + pattern, (HttpRequest request) => Document(request, pattern)).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// The RFC 9728 document. <c>resource</c> is the URL the client reached it for (the origin, or the MCP endpoint for
    /// the path form): RFC 9728 section 3.3 has clients drop a document whose resource differs from that.
    /// </summary>
    public static JsonHttpResult<JsonObject> Document(HttpRequest request, string resourcePath)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TypedResults.Json(new JsonObject
        {
            ["resource"] = Origin(request) + resourcePath,
            ["bearer_methods_supported"] = new JsonArray("header"),
            ["scopes_supported"] = new JsonArray("read", "write", "admin"),
            ["resource_name"] = "AgentTickets MCP server",
        }, Json);
    }

    /// <summary>The challenge of a 401 from the MCP endpoint; <c>error="invalid_token"</c> when a credential was sent and refused (RFC 6750 section 3.1).</summary>
    public static string Challenge(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var challenge = $"Bearer resource_metadata=\"{Origin(request)}{MetadataPath}\"";
        return request.Headers.Authorization.Count > 0 ? challenge + ", error=\"invalid_token\"" : challenge;
    }

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}

/// <summary>Marks the MCP endpoints, whose 401 carries <see cref="McpProtectedResource.Challenge"/>.</summary>
internal sealed record McpProtectedResourceMarker;

/// <summary>
/// The framework's authorization answer, with the MCP challenge put on a 401 from an MCP endpoint: every other route
/// keeps the plain <c>WWW-Authenticate: Bearer</c> of docs/accounts.md.
/// </summary>
internal sealed class McpChallengeResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _framework = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _framework.HandleAsync(next, context, policy, authorizeResult);
        if (authorizeResult.Challenged && !context.Response.HasStarted
            && context.GetEndpoint()?.Metadata.GetMetadata<McpProtectedResourceMarker>() is not null)
        {
            context.Response.Headers.WWWAuthenticate = McpProtectedResource.Challenge(context.Request);
        }
    }
}
