using AgentHost.Mcp.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace AgentHost.Mcp;

/// <summary>Maps the Streamable HTTP MCP endpoint.</summary>
public static class McpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// POST, GET and DELETE on <paramref name="pattern"/> (default <c>/mcp</c>), all behind the Origin check, and the
    /// endpoint's protected resource metadata under <c>/.well-known/oauth-protected-resource</c>.
    /// </summary>
    public static RouteGroupBuilder MapTicketMcp(this IEndpointRouteBuilder endpoints, string pattern = "/mcp")
    {
        var group = endpoints.MapGroup(pattern);
        group.AddEndpointFilter<McpOriginFilter>();
        // In required mode a 401 here names the resource metadata (docs/mcp.md, "Authorization").
        group.WithMetadata(new McpProtectedResourceMarker());
        McpProtectedResource.MapMetadata(endpoints, pattern);
        // Routing applies this to Kestrel's per-request limit (30 MB by default): see MaxRequestBodyBytes for why 1 MiB.
        group.WithMetadata(new McpRequestSizeLimit(McpHttpProtocol.MaxRequestBodyBytes));
        group.MapPost("", Post).WithName("McpPost");
        group.MapGet("", Get).WithName("McpGet");
        group.MapDelete("", Delete).WithName("McpDelete");
        // Protocol traffic, not a REST resource: keep it out of the OpenAPI document.
        group.ExcludeFromDescription();
        return group;
    }

    private static Task Post(HttpContext context, McpHttpHandler handler) => handler.PostAsync(context);

    private static Task Get(HttpContext context, McpHttpHandler handler) => handler.GetAsync(context);

    private static Task Delete(HttpContext context, McpHttpHandler handler) => handler.DeleteAsync(context);

    private sealed record McpRequestSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
