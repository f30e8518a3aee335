using System.Security.Claims;
using AgentHost.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TicketApi.Accounts;
using TicketApi.Contracts;

namespace AgentHost.Mcp;

/// <summary>
/// Every MCP tool call acts as someone, through channel <c>mcp</c>, with the tool's name (docs/mcp.md, "Who a call
/// acts as"): over HTTP, the person of the request that carried the call (each POST is authenticated on its own, so
/// a session id alone grants nothing); over stdio, the person of <c>MCP_API_KEY</c>, checked again on every call so a
/// revocation counts at once. A credential that cannot write (a read-scoped key) gets a readable refusal from the
/// write tools instead of a failure deep in the ticket service.
/// </summary>
internal static class McpActing
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create(IEnumerable<TicketToolDefinition> definitions, McpStdioCredential? stdio)
    {
        var writeTools = definitions.Where(d => !d.ReadOnly).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        return next => async (request, cancellationToken) =>
        {
            var name = request.Params?.Name;
            var (actor, refusal) = await ActorOfAsync(request.User, stdio, cancellationToken);
            if (actor is null)
            {
                return ToolErrorResultTool.ErrorResult(refusal ?? "This MCP server has no credential to act with.");
            }
            if (name is not null && writeTools.Contains(name) && !actor.CanWrite)
            {
                return ToolErrorResultTool.ErrorResult(
                    $"'{name}' changes the desk, and this credential may only read (an API key with scope read). Use a key with scope write.");
            }
            using (ActingContext.Enter(new Acting(actor, TicketMessageChannels.Mcp, name)))
            {
                return await next(request, cancellationToken);
            }
        };
    }

    private static async ValueTask<(Actor? Actor, string? Refusal)> ActorOfAsync(ClaimsPrincipal? user, McpStdioCredential? stdio, CancellationToken cancellationToken)
    {
        if (ActorClaims.FromPrincipal(user) is { } signedIn)
        {
            return (signedIn, null);
        }
        if (stdio is not null)
        {
            return await stdio.ResolveAsync(cancellationToken);
        }
        // No accounts here (a host in front of a separate ticket service): whoever the flow already acts as.
        return (ActingContext.Actor, null);
    }
}
