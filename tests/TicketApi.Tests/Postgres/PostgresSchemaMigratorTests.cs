using Npgsql;
using TicketApi.Data;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Postgres;

[Collection(PostgresServerGroup.Name)]
public sealed class PostgresSchemaMigratorTests(PostgresServer server) : IDisposable
{
    private readonly string _database = server.CreateEmptyDatabase();

    public void Dispose() => server.DropDatabase(_database);

    [Fact]
    public async Task Migrating_twice_is_harmless_and_records_the_version()
    {
        await using var dataSource = NpgsqlDataSource.Create(_database);
        await PostgresSchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        await PostgresSchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);

        Assert.Equal(PostgresSchemaMigrator.LatestVersion, await ScalarAsync<int>(dataSource, "SELECT version FROM ticket_schema"));
        Assert.Equal(1L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM ticket_schema"));
        Assert.Equal(1L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_tickets_search'"));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_rather_than_damaged()
    {
        await using var dataSource = NpgsqlDataSource.Create(_database);
        await using (var command = dataSource.CreateCommand("CREATE TABLE ticket_schema (version integer NOT NULL); INSERT INTO ticket_schema VALUES (99);"))
        {
            await command.ExecuteNonQueryAsync();
        }
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchemaMigrator.MigrateAsync(dataSource, CancellationToken.None));
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM pg_tables WHERE tablename = 'tickets'"));
    }

    [Fact]
    public async Task Upgrading_from_version_1_counts_the_tickets_already_there_and_then_follows_writes()
    {
        await using var dataSource = NpgsqlDataSource.Create(_database);
        await PostgresSchemaMigrator.MigrateAsync(dataSource, 1, CancellationToken.None);
        await ExecuteAsync(dataSource,
            "INSERT INTO tickets (title, created, updated, resolution_status) " +
            "SELECT 'Ticket ' || i, now(), now(), (ARRAY['OPEN','OPEN','OPEN','RESOLVED','RESOLVED','CLOSED'])[i] FROM generate_series(1, 6) AS i");

        await PostgresSchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);

        Assert.Equal(PostgresSchemaMigrator.LatestVersion, await ScalarAsync<int>(dataSource, "SELECT version FROM ticket_schema"));
        Assert.Equal("CLOSED=1 OPEN=3 RESOLVED=2", await CountsAsync(dataSource));
        await ExecuteAsync(dataSource, "UPDATE tickets SET resolution_status = 'RESOLVED' WHERE id = 1");
        await ExecuteAsync(dataSource, "UPDATE tickets SET resolution_status = 'OPEN' WHERE id = 4");
        await ExecuteAsync(dataSource, "UPDATE tickets SET title = 'Renamed' WHERE id = 2");
        await ExecuteAsync(dataSource, "DELETE FROM tickets WHERE id = 6");
        await ExecuteAsync(dataSource, "INSERT INTO tickets (title, created, updated) VALUES ('New', now(), now())");
        Assert.Equal("CLOSED=0 OPEN=4 RESOLVED=2", await CountsAsync(dataSource));
        Assert.Equal(await ScalarAsync<long>(dataSource, "SELECT count(*) FROM tickets WHERE resolution_status = 'OPEN'"),
            await ScalarAsync<long>(dataSource, "SELECT n FROM ticket_counts WHERE resolution_status = 'OPEN'"));
    }

    [Fact]
    public async Task Upgrading_from_version_2_triages_the_tickets_already_there_and_keeps_their_versions()
    {
        await using var dataSource = NpgsqlDataSource.Create(_database);
        await PostgresSchemaMigrator.MigrateAsync(dataSource, 2, CancellationToken.None);
        await ExecuteAsync(dataSource,
            "INSERT INTO tickets (title, description, created, updated, version) VALUES " +
            "('Ransomware on the file server', 'Every share shows encrypted files.', now(), now(), 4), " +
            "('How do I change my signature?', 'No rush at all.', now(), now(), 2)");

        await PostgresSchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);

        Assert.Equal("3 SOFTWARE 4", await ScalarAsync<string>(dataSource, "SELECT priority || ' ' || category || ' ' || version FROM tickets WHERE id = 1"));
        Assert.Equal("0 2", await ScalarAsync<string>(dataSource, "SELECT priority || ' ' || version FROM tickets WHERE id = 2"));
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM tickets WHERE triage IS NULL"));
        Assert.Equal(2L, await ScalarAsync<long>(dataSource,
            "SELECT count(*) FROM tickets WHERE (triage::jsonb) #>> '{priority,source}' = 'rules' AND (triage::jsonb) ->> 'status' = 'done'"));
    }

    [Fact]
    public async Task Search_sees_words_as_the_sqlite_tokenizer_does()
    {
        await using var dataSource = NpgsqlDataSource.Create(_database);
        await PostgresSchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);

        // Punctuation splits words (an address, a hyphen, a path), accents and case fold away.
        Assert.True(await MatchesAsync(dataSource, "Mail to ops@example.com fails", ["example"]));
        Assert.True(await MatchesAsync(dataSource, "e-mail bounce", ["mail"]));
        Assert.True(await MatchesAsync(dataSource, "see C:\\logs\\today.txt", ["today", "txt"]));
        Assert.True(await MatchesAsync(dataSource, "ÉCRAN noir", ["ecran"]));
        Assert.True(await MatchesAsync(dataSource, "Printer jams", ["PRINT"]));
        // Under three characters a word must match whole, as with FTS5.
        Assert.False(await MatchesAsync(dataSource, "Printer jams", ["pr"]));
        Assert.True(await MatchesAsync(dataSource, "Floor 3 printer", ["3"]));
        Assert.False(await MatchesAsync(dataSource, "Printer jams", ["printer", "toner"]));
    }

    private static async Task<bool> MatchesAsync(NpgsqlDataSource dataSource, string text, string[] words)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT to_tsvector('simple'::regconfig, ticket_search_text($1)) @@ ticket_search_query($2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = words });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> CountsAsync(NpgsqlDataSource dataSource) =>
        await ScalarAsync<string>(dataSource, "SELECT string_agg(resolution_status || '=' || n, ' ' ORDER BY resolution_status) FROM ticket_counts");

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
