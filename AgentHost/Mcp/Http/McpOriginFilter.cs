using TicketApi.Http;

namespace AgentHost.Mcp.Http;

/// <summary>
/// Keeps web pages away from the MCP endpoint (the spec's defence against DNS rebinding: a page in the
/// user's browser must not be able to drive a local MCP server). The rule itself, shared with <c>/chat</c>,
/// is <see cref="BrowserOriginRule"/> (Host always checked, then Origin, then <c>Sec-Fetch-Site</c>); this
/// filter only words the refusal as a JSON-RPC error, as MCP clients expect.
/// </summary>
internal sealed class McpOriginFilter(BrowserOriginRule rule, ILogger<McpOriginFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var refusal = rule.RefusalOf(context.HttpContext.Request);
        if (refusal is not null)
        {
            logger.LogWarning("Rejected MCP request: {Reason}", refusal);
            return McpHttpProtocol.Error(StatusCodes.Status403Forbidden, "Forbidden: " + refusal);
        }

        return await next(context);
    }
}
