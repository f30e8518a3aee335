using Npgsql;
using TicketApi.Data;

namespace TicketApi.Tests;

/// <summary>The connection string alone picks the store (docs/storage.md, "Choosing a store").</summary>
public sealed class StoreSelectionTests
{
    [Theory]
    [InlineData("Data Source=data/tickets.db", TicketStoreKind.Sqlite)]
    [InlineData("Filename=/var/lib/tickets.db;Pooling=False", TicketStoreKind.Sqlite)]
    [InlineData("Data Source=:memory:", TicketStoreKind.Sqlite)]
    [InlineData("Host=postgres;Database=tickets;Username=tickets;Password=secret", TicketStoreKind.PostgreSql)]
    [InlineData(" host = db.internal ; port = 5433 ; database = tickets ", TicketStoreKind.PostgreSql)]
    [InlineData("Server=127.0.0.1;Database=tickets", TicketStoreKind.PostgreSql)]
    [InlineData("postgres://tickets:secret@db:5432/tickets", TicketStoreKind.PostgreSql)]
    [InlineData("postgresql://db/tickets", TicketStoreKind.PostgreSql)]
    public void The_connection_string_picks_the_store(string connectionString, TicketStoreKind expected) =>
        Assert.Equal(expected, new TicketDatabaseOptions { ConnectionString = connectionString }.Kind);

    [Fact]
    public void A_postgres_url_becomes_npgsql_keywords_with_escapes_undone()
    {
        var options = new TicketDatabaseOptions { ConnectionString = "postgres://desk%40corp:p%3Ass%2Fw@db.example:6543/help%20desk?sslmode=require&application_name=tickets" };
        var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        Assert.Equal("db.example", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("help desk", parsed.Database);
        Assert.Equal("desk@corp", parsed.Username);
        Assert.Equal("p:ss/w", parsed.Password);
        Assert.Equal(SslMode.Require, parsed.SslMode);
        Assert.Equal("tickets", parsed.ApplicationName);
    }

    [Fact]
    public void A_postgres_url_without_a_port_keeps_the_default()
    {
        var parsed = new NpgsqlConnectionStringBuilder(new TicketDatabaseOptions { ConnectionString = "postgres://db/tickets" }.ConnectionString);
        Assert.Equal(5432, parsed.Port);
        Assert.Equal("tickets", parsed.Database);
    }

    [Fact]
    public void A_sqlite_connection_string_is_kept_as_written()
    {
        const string text = "Data Source=data/tickets.db;Cache=Shared";
        Assert.Equal(text, new TicketDatabaseOptions { ConnectionString = text }.ConnectionString);
    }
}
