using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketApi.Contracts;
using TicketApi.Data;
using TicketApi.Tests.Infrastructure;
using TicketApi.Tickets;

namespace TicketApi.Tests.TriageFields;

/// <summary>
/// <c>POST /api/tickets/triage/</c> (docs/rest-api.md, "Bulk re-triage"): the tickets the filters select are
/// triaged again, a person's fields are kept, only tickets whose values changed are written (new version and
/// <c>updated</c>), a bad filter is a 400, and a ticket someone changes during the run is not overwritten.
/// "The triager changed" is played by writing an older triager's answer into the rows directly.
/// </summary>
public abstract partial class BulkRetriageTests(TicketStoreFixture store) : TicketApiTest(store)
{
    private const string OlderTriager = "an older triager";

    private static readonly string[] Texts =
    [
        """{"title":"Ransomware on the file server","description":"Every share shows encrypted files and a ransom note."}""",
        """{"title":"VPN drops every hour","description":"The tunnel disconnects and I lose my remote session."}""",
        """{"title":"Printer on floor 3 jams","description":"Paper jams after two pages, no rush."}""",
    ];

    [Fact]
    public async Task Retriage_restores_the_triagers_answer_and_writes_only_the_tickets_that_changed()
    {
        var created = await CreateAsync(Texts);
        await MakeStaleAsync(created[0]["id"], created[1]["id"]);
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = Factory.Clock.GetUtcNow().UtcDateTime.ToString(UtcTimestampJsonConverter.Format, System.Globalization.CultureInfo.InvariantCulture);

        var result = await RetriageAsync("");

        Assert.Equal(3, (long)result["triaged"]!);
        Assert.Equal(2, (long)result["changed"]!);
        foreach (var index in new[] { 0, 1 })
        {
            var (ticket, etag) = await GetAsync(created[index]["id"]);
            foreach (var field in new[] { "priority", "category", "sentiment" })
            {
                Assert.Equal((string)created[index][field]!, (string)ticket[field]!);
                Assert.Equal("rules", (string)ticket["triage"]![field]!["source"]!);
            }
            Assert.Equal(now, (string)ticket["updated"]!);
            Assert.Equal(now, (string)ticket["triage"]!["triaged_at"]!);
            Assert.Equal("\"2\"", etag);
        }
        var (untouched, untouchedEtag) = await GetAsync(created[2]["id"]);
        Assert.Equal((string)created[2]["updated"]!, (string)untouched["updated"]!);
        Assert.Equal((string)created[2]["triage"]!["triaged_at"]!, (string)untouched["triage"]!["triaged_at"]!);
        Assert.Equal("\"1\"", untouchedEtag);
    }

    [Fact]
    public async Task Priority_and_category_a_person_set_are_kept_and_the_rest_is_triaged_again()
    {
        var response = await PostJsonAsync("/api/tickets/", """{"title":"Ransomware on the file server","priority":"LOW","category":"OTHER"}""");
        var ticket = await ReadObjectAsync(response);
        await MakeStaleAsync(ticket["id"]);

        var result = await RetriageAsync("");

        Assert.Equal(1, (long)result["changed"]!);
        var (after, _) = await GetAsync(ticket["id"]);
        Assert.Equal("LOW", (string)after["priority"]!);
        Assert.Equal("human", (string)after["triage"]!["priority"]!["source"]!);
        Assert.Equal("OTHER", (string)after["category"]!);
        Assert.Equal("human", (string)after["triage"]!["category"]!["source"]!);
        Assert.Equal((string)ticket["sentiment"]!, (string)after["sentiment"]!);
        Assert.Equal("rules", (string)after["triage"]!["sentiment"]!["source"]!);
    }

    [Theory]
    [InlineData("", new[] { 0, 1, 2 })]
    [InlineData("?resolution_status=OPEN", new[] { 0, 1 })]
    [InlineData("?search=ransomware", new[] { 0 })]
    [InlineData("?search=%21%21", new int[0])]
    [InlineData("?title__icontains=vpn", new[] { 1 })]
    [InlineData("?category=BILLING&resolution_status__in=RESOLVED,CLOSED", new[] { 2 })]
    public async Task Filters_choose_which_tickets_are_triaged_again(string query, int[] selected)
    {
        var created = await CreateAsync(Texts);
        await PatchJsonAsync($"/api/tickets/{created[2]["id"]}/", """{"resolution_status":"RESOLVED"}""");
        await MakeStaleAsync(created.Select(t => t["id"]).ToArray());

        var result = await RetriageAsync(query);

        Assert.Equal(selected.Length, (long)result["triaged"]!);
        Assert.Equal(selected.Length, (long)result["changed"]!);
        for (var i = 0; i < created.Count; i++)
        {
            var (ticket, _) = await GetAsync(created[i]["id"]);
            var reason = (string)ticket["triage"]!["category"]!["reason"]!;
            Assert.Equal(!selected.Contains(i), reason == OlderTriager);
        }
    }

    [Theory]
    [InlineData("?resolution_status=DONE", "resolution_status", "Invalid status 'DONE'")]
    [InlineData("?priority__in=HIGH,SOON", "priority__in", "'SOON' is not a valid priority")]
    [InlineData("?ordering=-created", "ordering", "Not a filter of a re-triage. Allowed parameters are: search, id, id__in,")]
    [InlineData("?page=2", "page", "Not a filter of a re-triage.")]
    [InlineData("?colour=red", "colour", "Not a filter of a re-triage.")]
    [InlineData("?category=NETWORK&category=EMAIL", "category", "Given more than once")]
    public async Task A_bad_filter_or_a_parameter_that_is_not_a_filter_returns_400_and_triages_nothing(string query, string parameter, string message)
    {
        var created = await CreateAsync(Texts[..1]);
        await MakeStaleAsync(created[0]["id"]);

        var problem = await AssertProblemAsync(await Client.PostAsync("/api/tickets/triage/" + query, null), HttpStatusCode.BadRequest);

        Assert.Contains(FieldErrors(problem, parameter), e => e.Contains(message, StringComparison.Ordinal));
        var (ticket, etag) = await GetAsync(created[0]["id"]);
        Assert.Equal(OlderTriager, (string)ticket["triage"]!["category"]!["reason"]!);
        Assert.Equal("\"1\"", etag);
    }

    [Fact]
    public async Task Every_batch_of_a_large_selection_is_triaged_and_a_second_run_changes_nothing()
    {
        const int count = BulkRetriage.BatchSize * 2 + 345;
        await InsertStaleAsync(count);

        var first = await RetriageAsync("?resolution_status=OPEN");
        var second = await RetriageAsync("?resolution_status=OPEN");

        Assert.Equal(count, (long)first["triaged"]!);
        Assert.Equal(count, (long)first["changed"]!);
        Assert.Equal(count, (long)second["triaged"]!);
        Assert.Equal(0, (long)second["changed"]!);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        Assert.Equal(0, await db.Tickets.CountAsync(t => t.Triage!.Contains(OlderTriager)));
        Assert.Equal(count, await db.Tickets.CountAsync(t => t.Version == 2));
    }

    [Fact]
    public async Task A_ticket_a_person_changes_during_the_run_is_read_and_triaged_again_not_overwritten()
    {
        var created = await CreateAsync(Texts);
        var target = (long)created[1]["id"]!;
        await MakeStaleAsync(created.Select(t => t["id"]).ToArray());
        // Another process's write lands after the batch was read and before it is written: the person set the
        // priority to HIGH (source human) and the version moved on.
        var interfering = new InterferingSql(Factory.Services.GetRequiredService<BulkRetriageSql>(), () => SetPriorityAsHumanAsync(target, "HIGH"), times: 1);

        var result = await RetriageWithAsync(interfering);

        Assert.Equal(3, (long)result["changed"]!);
        Assert.Equal(1, interfering.Interferences);
        var (ticket, etag) = await GetAsync(target);
        Assert.Equal("HIGH", (string)ticket["priority"]!);
        Assert.Equal("human", (string)ticket["triage"]!["priority"]!["source"]!);
        Assert.Equal((string)created[1]["category"]!, (string)ticket["category"]!);
        Assert.Equal("rules", (string)ticket["triage"]!["category"]!["source"]!);
        Assert.Equal("\"3\"", etag);
    }

    [Fact]
    public async Task A_ticket_that_changes_before_every_write_is_left_to_its_writer_after_fifty_rounds()
    {
        var created = await CreateAsync(Texts);
        var target = (long)created[1]["id"]!;
        await MakeStaleAsync(created.Select(t => t["id"]).ToArray());
        var interfering = new InterferingSql(Factory.Services.GetRequiredService<BulkRetriageSql>(), () => SetPriorityAsHumanAsync(target, "HIGH"), times: int.MaxValue);

        var result = await RetriageWithAsync(interfering);

        Assert.Equal(3, (long)result["triaged"]!);
        Assert.Equal(2, (long)result["changed"]!);
        Assert.Equal(50, interfering.Interferences);
        var (ticket, etag) = await GetAsync(target);
        Assert.Equal(OlderTriager, (string)ticket["triage"]!["category"]!["reason"]!);
        Assert.Equal("\"51\"", etag);
    }

    [Fact]
    public async Task A_run_the_client_abandons_keeps_the_batches_already_written_and_a_second_run_finishes_the_job()
    {
        const int count = BulkRetriage.BatchSize * 3 + 10;
        await InsertStaleAsync(count);
        using var abandon = new CancellationTokenSource();
        // The client goes away just before the second batch is written; the first was written and awaited before.
        var interfering = new InterferingSql(Factory.Services.GetRequiredService<BulkRetriageSql>(), () =>
        {
            abandon.Cancel();
            return Task.CompletedTask;
        }, skip: 1, times: 1);
        using var factory = Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Replace(ServiceDescriptor.Singleton<BulkRetriageSql>(interfering))));
        using var client = factory.CreateClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync("/api/tickets/triage/", null, abandon.Token));
        var second = await RetriageAsync("");

        Assert.Equal(count, (long)second["triaged"]!);
        Assert.InRange((long)second["changed"]!, 1, count - BulkRetriage.BatchSize);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        Assert.Equal(count, await db.Tickets.CountAsync(t => t.Version == 2)); // each ticket written exactly once
    }

    /// <summary>A bulk re-triage through a host whose store SQL is <paramref name="sql"/>, on the same database.</summary>
    private async Task<JsonObject> RetriageWithAsync(BulkRetriageSql sql)
    {
        using var factory = Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Replace(ServiceDescriptor.Singleton(sql))));
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/tickets/triage/", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST triage/ gave {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Another writer's edit, straight to the table: a person sets the priority, and the version moves on.</summary>
    private async Task SetPriorityAsHumanAsync(long id, string priority)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        var current = await db.Tickets.SingleAsync(t => t.Id == id);
        var json = JsonSerializer.Serialize(TicketTriaging.WithHuman(current.TriageRecord!, priority, category: null), TicketJsonContext.Default.TicketTriage);
        await db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.Priority, TicketLabels.PriorityRank(priority))
            .SetProperty(t => t.Triage, json)
            .SetProperty(t => t.Version, t => t.Version + 1));
    }

    private async Task<List<JsonObject>> CreateAsync(IEnumerable<string> bodies)
    {
        var created = new List<JsonObject>();
        foreach (var body in bodies)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(1));
            var response = await PostJsonAsync("/api/tickets/", body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created.Add(await ReadObjectAsync(response));
        }
        return created;
    }

    private async Task<JsonObject> RetriageAsync(string query)
    {
        var response = await Client.PostAsync("/api/tickets/triage/" + query, null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST triage/{query} gave {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<(JsonObject Ticket, string? ETag)> GetAsync(JsonNode? id) => await GetAsync((long)id!);

    private async Task<(JsonObject Ticket, string? ETag)> GetAsync(long id)
    {
        var response = await Client.GetAsync($"/api/tickets/{id}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadObjectAsync(response), response.Headers.ETag?.Tag);
    }
}

public sealed class BulkRetriageOnSqliteTests() : BulkRetriageTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class BulkRetriageOnPostgresTests(PostgresServer server) : BulkRetriageTests(server);
