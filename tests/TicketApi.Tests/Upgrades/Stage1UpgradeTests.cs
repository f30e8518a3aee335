using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using TicketApi.Data;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Upgrades;

/// <summary>
/// A database written by the first release (its exact schema, stage1-schema.sql, and rows as it stored
/// them: microsecond integers, wire-name statuses, versions) opened by this build: the schema upgrades in
/// place on start and every ticket reads back as it was (docs/storage.md, "Schema versions").
/// </summary>
public sealed class Stage1UpgradeTests : IDisposable
{
    private static readonly DateTime Start = new(2024, 5, 1, 8, 30, 0, DateTimeKind.Utc);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agenttickets-tests", Guid.NewGuid().ToString("N"));
    private readonly List<Stage1Ticket> _tickets = [];

    private sealed record Stage1Ticket(long Id, string Title, string Description, DateTime Created, DateTime Updated, string Status, long Version);

    public Stage1UpgradeTests()
    {
        Directory.CreateDirectory(_folder);
        ConnectionString = $"Data Source={Path.Combine(_folder, "tickets.db")}";
        using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        Execute(connection, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Upgrades", "stage1-schema.sql")));
        string[] statuses = ["OPEN", "RESOLVED", "CLOSED"];
        for (var i = 1; i <= 60; i++)
        {
            // Microsecond-precise times, updates after creation, versions past 1, and a gap where ticket 30 was deleted.
            var created = Start.AddMinutes(i * 7).AddTicks(i * 1234 * 10);
            var ticket = new Stage1Ticket(i, i % 10 == 0 ? $"Écran noir n°{i}" : $"VPN drops {i}",
                i % 4 == 0 ? $"Remote access fails; ref tok{i}" : "Outbound mail has been failing since 9am UTC.",
                created, created.AddSeconds(i * 13).AddTicks(70), statuses[i % 3], 1 + i % 5);
            Insert(connection, ticket);
            _tickets.Add(ticket);
        }
        Execute(connection, "DELETE FROM tickets WHERE id = 30;");
        _tickets.RemoveAll(t => t.Id == 30);
    }

    private string ConnectionString { get; }

    public void Dispose()
    {
        SqliteStore.Instance.DropDatabase(ConnectionString);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_stage1_database_upgrades_in_place_and_every_ticket_reads_back_unchanged()
    {
        using var factory = new TicketApiFactory(new ExistingDatabase(ConnectionString));
        using var client = factory.CreateClient();

        var listed = new List<System.Text.Json.Nodes.JsonNode>();
        for (var page = 1; page <= 2; page++)
        {
            var response = await client.GetAsync($"/api/tickets/?ordering=id&page_size=50&page={page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(_tickets.Count, (long)body["count"]!);
            listed.AddRange(body["results"]!.AsArray().Select(t => t!));
        }
        Assert.Equal(_tickets.Count, listed.Count);
        foreach (var (expected, actual) in _tickets.Zip(listed))
        {
            Assert.Equal(expected.Id, (long)actual["id"]!);
            Assert.Equal(expected.Title, (string)actual["title"]!);
            Assert.Equal(expected.Description, (string)actual["description"]!);
            Assert.Equal(Wire(expected.Created), (string)actual["created"]!);
            Assert.Equal(Wire(expected.Updated), (string)actual["updated"]!);
            Assert.Equal(expected.Status, (string)actual["resolution_status"]!);

            var single = await client.GetAsync($"/api/tickets/{expected.Id}/");
            Assert.Equal($"\"{expected.Version}\"", single.Headers.ETag!.Tag);
        }

        using var connection = new SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        Assert.Equal((long)SqliteSchemaMigrator.LatestVersion, Scalar(connection, "PRAGMA user_version;"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'ix_tickets_title';"));
    }

    [Fact]
    public async Task After_the_upgrade_search_counts_and_writes_carry_on_where_stage1_left_off()
    {
        using var factory = new TicketApiFactory(new ExistingDatabase(ConnectionString));
        using var client = factory.CreateClient();

        // The full-text index and the per-status counters were kept by stage 1's triggers; they must still agree.
        var remote = _tickets.Where(t => t.Description.Contains("Remote", StringComparison.Ordinal)).Select(t => t.Id).Order().ToArray();
        Assert.Equal(remote, await IdsAsync(client, "?search=remote&ordering=id&page_size=100"));
        Assert.Equal(_tickets.Where(t => t.Title.StartsWith('É')).Select(t => t.Id).Order(), await IdsAsync(client, "?search=ecran&ordering=id"));
        Assert.Equal(_tickets.Count(t => t.Status == "OPEN"), (await IdsAsync(client, "?resolution_status=OPEN&page_size=100")).Length);

        // Writes honour the stored versions (ETags) and ids continue after the highest ever used.
        var open = _tickets.First(t => t.Status == "OPEN");
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/tickets/{open.Id}/")
        {
            Content = new StringContent("""{"resolution_status":"RESOLVED"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        patch.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{open.Version}\""));
        var patched = await client.SendAsync(patch);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal($"\"{open.Version + 1}\"", patched.Headers.ETag!.Tag);

        var created = await client.PostAsync("/api/tickets/", new StringContent("""{"title":"After the upgrade"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/tickets/61/", created.Headers.Location!.OriginalString);
        Assert.Equal(new long[] { 61 }, await IdsAsync(client, "?search=upgrade"));
    }

    [Fact]
    public async Task The_upgrade_triages_every_stage1_ticket_with_the_offline_triager()
    {
        using var factory = new TicketApiFactory(new ExistingDatabase(ConnectionString));
        using var client = factory.CreateClient();
        var triager = TicketApi.Data.TriageBackfill.SharedTriager();

        var response = await client.GetAsync("/api/tickets/?ordering=id&page_size=100");
        var listed = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["results"]!.AsArray();

        Assert.Equal(_tickets.Count, listed.Count);
        foreach (var (expected, actual) in _tickets.Zip(listed))
        {
            var outcome = triager.Triage(new TicketApi.Triage.TriageInput(expected.Title, expected.Description));
            Assert.Equal(outcome.Priority.Value, (string)actual!["priority"]!);
            Assert.Equal(outcome.Category.Value, (string)actual["category"]!);
            Assert.Equal(outcome.Sentiment.Value, (string)actual["sentiment"]!);
            Assert.Equal("done", (string)actual["triage"]!["status"]!);
            Assert.All(new[] { "category", "priority", "sentiment" }, field => Assert.Equal("rules", (string)actual["triage"]![field]!["source"]!));
            Assert.Equal(outcome.Priority.Reason, (string)actual["triage"]!["priority"]!["reason"]!);
            // The upgrade is not an edit: updated and the version (ETag) stay as stage 1 left them.
            Assert.Equal(Wire(expected.Updated), (string)actual["updated"]!);
            Assert.Null(actual["resolved_at"]);
        }
        // The triaged values are real columns: the filters see them.
        var network = listed.Count(t => (string)t!["category"]! == "NETWORK");
        Assert.Equal(network, (await IdsAsync(client, "?category=NETWORK&page_size=100")).Length);
    }

    private static async Task<long[]> IdsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/tickets/" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["results"]!.AsArray().Select(t => (long)t!["id"]!).ToArray();
    }

    private static string Wire(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>As stage 1 stored a ticket: times in microseconds since the Unix epoch, the status's wire name.</summary>
    private static void Insert(SqliteConnection connection, Stage1Ticket ticket)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO tickets (id, title, description, created, updated, resolution_status, version) " +
            "VALUES ($id, $title, $description, $created, $updated, $status, $version)";
        command.Parameters.AddWithValue("$id", ticket.Id);
        command.Parameters.AddWithValue("$title", ticket.Title);
        command.Parameters.AddWithValue("$description", ticket.Description);
        command.Parameters.AddWithValue("$created", (ticket.Created.Ticks - DateTime.UnixEpoch.Ticks) / 10);
        command.Parameters.AddWithValue("$updated", (ticket.Updated.Ticks - DateTime.UnixEpoch.Ticks) / 10);
        command.Parameters.AddWithValue("$status", ticket.Status);
        command.Parameters.AddWithValue("$version", ticket.Version);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Hands the factory the prepared file instead of a fresh one; the test class removes it.</summary>
    private sealed class ExistingDatabase(string connectionString) : TicketStoreFixture
    {
        public override TicketStoreKind Kind => TicketStoreKind.Sqlite;

        public override string CreateDatabase() => connectionString;

        public override void DropDatabase(string connectionString)
        {
        }
    }
}
