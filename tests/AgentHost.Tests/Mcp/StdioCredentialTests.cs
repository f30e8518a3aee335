using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using TicketApi.Accounts;
using TicketApi.Accounts.Keys;
using TicketApi.Data;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// <c>--mcp-stdio</c> acting as the owner of <c>MCP_API_KEY</c> (docs/mcp.md, "Who a call acts as"), as a real child
/// process on a database prepared beforehand with a person and their key.
/// </summary>
public sealed class StdioCredentialTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_unknown_key_stops_the_start_with_a_clear_message_on_stderr_and_a_nonzero_exit()
    {
        using var host = new AgentHostProcess();
        await PrepareAsync(host);

        var (exitCode, stderr) = await RunToExitAsync(host, new() { ["MCP_API_KEY"] = ApiKeySecret.Create() });

        Assert.Equal(1, exitCode);
        Assert.Contains("MCP server not started: MCP_API_KEY: The API key is unknown.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_stops_the_start()
    {
        using var host = new AgentHostProcess();
        var (store, id, key) = await PrepareAsync(host, AccessScope.Write);
        await store.RevokeAsync(id, DateTime.UtcNow, CancellationToken.None);

        var (exitCode, stderr) = await RunToExitAsync(host, new() { ["MCP_API_KEY"] = key });

        Assert.Equal(1, exitCode);
        Assert.Contains("MCP_API_KEY: The API key was revoked.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_required_mode_no_key_stops_the_start()
    {
        using var host = new AgentHostProcess();
        await PrepareAsync(host);

        var (exitCode, stderr) = await RunToExitAsync(host, new() { ["AUTH_MODE"] = "required" });

        Assert.Equal(1, exitCode);
        Assert.Contains("needs MCP_API_KEY", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_read_key_the_server_reads_refuses_writes_and_a_revocation_counts_from_the_next_call()
    {
        using var host = new AgentHostProcess();
        var (store, id, key) = await PrepareAsync(host, AccessScope.Read);
        var stderr = new List<string>();
        await using var client = await McpClient.CreateAsync(
            host.ClientTransport(stderr, new Dictionary<string, string?> { ["MCP_API_KEY"] = key, ["AUTH_MODE"] = "required" }),
            HttpConnect.ClientOptions(null));

        var listed = await client.CallToolAsync("list_tickets", new Dictionary<string, object?>());
        var refused = await client.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = "VPN drops" });
        await store.RevokeAsync(id, DateTime.UtcNow, CancellationToken.None);
        var afterRevocation = await client.CallToolAsync("list_tickets", new Dictionary<string, object?>());

        Assert.NotEqual(true, listed.IsError);
        Assert.True(refused.IsError);
        Assert.Contains("may only read", Text(refused), StringComparison.Ordinal);
        Assert.True(afterRevocation.IsError);
        Assert.Contains("revoked", Text(afterRevocation), StringComparison.Ordinal);
    }

    private static string Text(CallToolResult result) => ((TextContentBlock)result.Content.Single()).Text;

    /// <summary>The child's database, migrated, with an agent (sam) and, when asked, a key of theirs.</summary>
    private static async Task<(ApiKeyStore Store, long Id, string Key)> PrepareAsync(AgentHostProcess host, AccessScope? scope = null)
    {
        var connectionString = $"Data Source={host.DatabasePath}";
        SqliteSchemaMigrator.Migrate(connectionString);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed",
                    "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ('sam', 'sam@example.com', 'SAM@EXAMPLE.COM', 'sam@example.com', 'SAM@EXAMPLE.COM', 1, 0, 0, 0, 0);
                INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES ('sam', 'agent');
                """;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        var store = new SqliteApiKeyStore(Options.Create(new TicketDatabaseOptions { ConnectionString = connectionString }));
        if (scope is not { } granted)
        {
            return (store, 0, "");
        }
        var key = ApiKeySecret.Create();
        var id = await store.InsertAsync("sam", "stdio", ApiKeySecret.PrefixOf(key), ApiKeySecret.Hash(key), granted, DateTime.UtcNow, CancellationToken.None);
        return (store, id, key);
    }

    private static async Task<(int ExitCode, string Stderr)> RunToExitAsync(AgentHostProcess host, Dictionary<string, string?> environment)
    {
        using var process = host.StartRaw(environment);
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }
}
