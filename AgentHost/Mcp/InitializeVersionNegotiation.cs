using System.Text.Json.Nodes;
using AgentHost.Mcp.Http;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Mcp;

/// <summary>
/// Version negotiation as the lifecycle section of every initialize-handshake revision (2024-11-05 to
/// 2025-11-25) states it: "If the server supports the requested protocol version, it MUST respond with the same
/// version. Otherwise, the server MUST respond with another protocol version it supports. This SHOULD be the latest
/// version supported by the server." The 2.3.1 SDK instead answers a version newer than it knows (a client from the
/// future asking for 2099-01-01) with error -32022, which breaks that client's handshake. So an initialize naming a
/// version this server has never heard of is read as asking for the latest one the handshake can give; the client
/// then decides whether it can speak it. docs/mcp.md, "Protocol revisions".
/// </summary>
internal static class InitializeVersionNegotiation
{
    /// <summary>The newest revision that still has the initialize handshake (2026-07-28 replaced it with server/discover).</summary>
    public const string LatestHandshakeVersion = "2025-11-25";

    /// <summary>
    /// Incoming-message filter for every server the factory builds (stdio included); the HTTP endpoint applies
    /// <see cref="PinUnknownVersion"/> itself before the transport, which also records the version.
    /// </summary>
    public static McpMessageFilter Filter { get; } = next => (context, cancellationToken) =>
    {
        PinUnknownVersion(context.JsonRpcMessage);
        return next(context, cancellationToken);
    };

    /// <summary>
    /// Rewrites the requested version of an <c>initialize</c> request to <see cref="LatestHandshakeVersion"/> when the
    /// server supports no such revision. A known version (including 2026-07-28, which the SDK refuses on purpose so
    /// dual-path clients fall back) is left alone, as is anything that is not an initialize request.
    /// </summary>
    public static void PinUnknownVersion(JsonRpcMessage message)
    {
        if (message is JsonRpcRequest { Method: RequestMethods.Initialize, Params: JsonObject parameters }
            && parameters["protocolVersion"] is JsonValue value
            && value.TryGetValue<string>(out var requested)
            && !McpHttpProtocol.SupportedProtocolVersions.Contains(requested))
        {
            parameters["protocolVersion"] = LatestHandshakeVersion;
        }
    }
}
