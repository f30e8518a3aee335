using TicketApi.Accounts;
using TicketApi.Accounts.Keys;

namespace AgentHost.Mcp;

/// <summary>A start that cannot go on: the message is for the person who configured the server, on stderr.</summary>
public sealed class McpStdioCredentialException(string message) : Exception(message);

/// <summary>
/// Who the stdio MCP server acts as (docs/mcp.md, "Who a call acts as"): the owner of <c>MCP_API_KEY</c>, narrowed by
/// its scope; without a key, the local admin in local mode. Checked when the server starts (after the schema is up to
/// date), so an unknown or revoked key stops the start with a clear message, and again for every tool call.
/// Stdio listens nowhere, so the mode is what <c>AUTH_MODE</c> says (local when unset).
/// </summary>
public sealed class McpStdioCredential(IConfiguration configuration, IServiceProvider services) : IHostedService
{
    public const string KeySetting = "MCP_API_KEY";

    private string? Key => string.IsNullOrWhiteSpace(configuration[KeySetting]) ? null : configuration[KeySetting]!.Trim();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (actor, refusal) = await ResolveAsync(cancellationToken);
        if (actor is null)
        {
            throw new McpStdioCredentialException(refusal!);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask<(Actor? Actor, string? Refusal)> ResolveAsync(CancellationToken cancellationToken)
    {
        var accounts = services.GetService<AccountSettings>();
        var mode = accounts?.Mode ?? AuthMode.Local;
        if (Key is not { } key)
        {
            return mode == AuthMode.Local
                ? (Actor.LocalAdmin, null)
                : (null, $"AUTH_MODE=required: the MCP stdio server needs {KeySetting}, an API key from POST /api/keys, to act as its owner.");
        }
        if (services.GetService<ApiKeyStore>() is not { } store)
        {
            return (null, $"{KeySetting} is checked against the ticket database, which this process does not hold (TICKET_API_URL is set): unset TICKET_API_URL to use it.");
        }
        if (!ApiKeySecret.IsWellFormed(key))
        {
            return (null, $"{KeySetting} is not an API key this desk issues (at_ followed by 43 characters).");
        }
        var actor = ApiKeyAuthentication.ActorOf(await store.FindHolderAsync(ApiKeySecret.Hash(key), cancellationToken), mode, out var refusal);
        return (actor, refusal is null ? null : $"{KeySetting}: {refusal}");
    }
}
