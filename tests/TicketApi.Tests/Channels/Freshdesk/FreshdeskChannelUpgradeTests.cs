using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TicketApi.Channels.Freshdesk;
using TicketApi.Data;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Channels.Freshdesk;

/// <summary>
/// The step that lets <c>ticket_messages.channel</c> and <c>audit_log.channel</c> say <c>freshdesk</c>, run on a
/// database of the version before it holding rows (docs/channels.md, "Freshdesk connector: storage"): every row is
/// kept, deleted ids are not reused, the reply search still finds old replies, and only the new value is let in.
/// </summary>
public abstract class FreshdeskChannelUpgradeTests
{
    protected abstract int WideningStep { get; }

    /// <summary>A timestamp literal of the store's type.</summary>
    protected abstract string Timestamp { get; }

    /// <param name="target">Null for the latest version.</param>
    protected abstract Task MigrateAsync(int? target);

    protected abstract Task ExecuteAsync(string sql);

    protected abstract Task<long> ScalarAsync(string sql);

    protected abstract string ReplySearch(string word);

    [Fact]
    public async Task Widening_the_channel_checks_keeps_every_row_and_then_lets_freshdesk_in()
    {
        await MigrateAsync(WideningStep - 1);
        await ExecuteAsync($"INSERT INTO tickets (title, created, updated) VALUES ('Upgrade me', {Timestamp}, {Timestamp})");
        foreach (var (kind, body) in new[] { ("customer", "My flux capacitor is stuck."), ("reply", "Reset the flux capacitor."), ("note", "Deleted below.") })
        {
            await ExecuteAsync($"INSERT INTO ticket_messages (ticket_id, kind, body, created, channel) VALUES (1, '{kind}', '{body}', {Timestamp}, 'email')");
        }
        await ExecuteAsync("DELETE FROM ticket_messages WHERE kind = 'note'");
        await ExecuteAsync($"INSERT INTO audit_log (at, actor_id, actor_name, channel, ticket_id, action, changes) VALUES ({Timestamp}, 'u1', 'Ann', 'rest', 1, 'created', '[]')");
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(Message("freshdesk")));

        await MigrateAsync(null);

        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM ticket_messages WHERE ticket_id = 1 AND channel = 'email'"));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM audit_log WHERE channel = 'rest' AND actor_name = 'Ann'"));
        Assert.Equal(1, await ScalarAsync(ReplySearch("capacitor")));
        await ExecuteAsync(Message("freshdesk"));
        await ExecuteAsync($"INSERT INTO audit_log (at, actor_id, actor_name, channel, ticket_id, action, changes) VALUES ({Timestamp}, 'system', 'AgentTickets', 'freshdesk', 1, 'created', '[]')");
        // Id 3 was deleted and stays unused (PostgreSQL's sequence also spent one on the refused insert).
        Assert.True(await ScalarAsync("SELECT max(id) FROM ticket_messages") > 3);
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM ticket_messages WHERE id = 3"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(Message("fax")));
        await ExecuteAsync("DELETE FROM tickets WHERE id = 1"); // the cascade still holds
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM ticket_messages"));
    }

    private string Message(string channel) =>
        $"INSERT INTO ticket_messages (ticket_id, kind, body, created, channel) VALUES (1, 'customer', 'Via {channel}', {Timestamp}, '{channel}')";
}

public sealed class FreshdeskChannelUpgradeOnSqliteTests : FreshdeskChannelUpgradeTests, IDisposable
{
    private readonly string _database = SqliteStore.Instance.CreateDatabase();

    public void Dispose() => SqliteStore.Instance.DropDatabase(_database);

    protected override int WideningStep => SqliteSchemaMigrator.StepOf(FreshdeskSchema.SqliteMessageChannels);

    protected override string Timestamp => "1740816000000000";

    protected override Task MigrateAsync(int? target)
    {
        SqliteSchemaMigrator.Migrate(_database, target ?? SqliteSchemaMigrator.LatestVersion);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("PRAGMA foreign_keys = ON; " + sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override string ReplySearch(string word) => $"SELECT count(*) FROM reply_fts WHERE reply_fts MATCH '{word}'";
}

[Collection(PostgresServerGroup.Name)]
public sealed class FreshdeskChannelUpgradeOnPostgresTests(PostgresServer server) : FreshdeskChannelUpgradeTests, IAsyncDisposable
{
    private readonly string _database = server.CreateEmptyDatabase();
    private NpgsqlDataSource? _source;

    private NpgsqlDataSource Source => _source ??= NpgsqlDataSource.Create(_database);

    public async ValueTask DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }
        server.DropDatabase(_database);
    }

    protected override int WideningStep => PostgresSchemaMigrator.StepOf(FreshdeskSchema.PostgresMessageChannels);

    protected override string Timestamp => "now()";

    protected override Task MigrateAsync(int? target) =>
        PostgresSchemaMigrator.MigrateAsync(Source, target ?? PostgresSchemaMigrator.LatestVersion, CancellationToken.None);

    protected override async Task ExecuteAsync(string sql)
    {
        await using var command = Source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var command = Source.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override string ReplySearch(string word) =>
        $"SELECT count(*) FROM ticket_messages WHERE kind = 'reply' AND to_tsvector('simple'::regconfig, ticket_search_text(body)) @@ to_tsquery('simple', '{word}')";
}
