using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Accounts;

/// <summary>
/// The row-level rules of docs/accounts.md, "Visibility", over REST with real sign-ins, on both stores: a
/// requester's list, count, reads, thread, messages, filing and articles hold only what is theirs to see.
/// </summary>
public abstract class RequesterVisibilityTests(TicketStoreFixture store) : IDisposable
{
    private readonly TicketApiFactory _factory = new(store, services => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required }));

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<HttpClient> AgentAsync() => TestAccounts.SignInAsync(_factory, "sam@example.com", "agent");

    private Task<HttpClient> DanaAsync() => TestAccounts.SignInAsync(_factory, "dana@example.com", "requester");

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<long> FileAsync(HttpClient client, object body) =>
        (long)(await JsonAsync(await client.PostAsJsonAsync("/api/tickets/", body), HttpStatusCode.Created))["id"]!;

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static long[] Ids(JsonObject page) => [.. page["results"]!.AsArray().Select(t => (long)t!["id"]!).Order()];

    [Fact]
    public async Task A_requester_lists_and_counts_only_tickets_sent_as_them_or_filed_by_them_with_filters_still_applied()
    {
        using var agent = await AgentAsync();
        using var dana = await DanaAsync();
        var sentAsDana = await FileAsync(agent, new { title = "VPN drops every hour", requester_email = "DANA@example.com" });
        var someoneElses = await FileAsync(agent, new { title = "VPN broken for Lee", requester_email = "lee@example.com" });
        var filedByDana = await FileAsync(dana, new { title = "Printer jams on tray 2" });

        var all = await JsonAsync(await dana.GetAsync(Url("/api/tickets/")), HttpStatusCode.OK);
        var searched = await JsonAsync(await dana.GetAsync(Url("/api/tickets/?search=vpn")), HttpStatusCode.OK);
        var open = await JsonAsync(await dana.GetAsync(Url("/api/tickets/?resolution_status=OPEN&page_size=1")), HttpStatusCode.OK);

        Assert.Equal([sentAsDana, filedByDana], Ids(all));
        Assert.Equal(2, (long)all["count"]!);
        Assert.Equal([sentAsDana], Ids(searched));
        Assert.Equal(2, (long)open["count"]!);
        var staffView = await JsonAsync(await agent.GetAsync(Url("/api/tickets/")), HttpStatusCode.OK);
        Assert.Contains(someoneElses, Ids(staffView));
    }

    [Fact]
    public async Task A_page_an_agent_was_served_is_never_served_to_a_requester_asking_the_same_url()
    {
        using var agent = await AgentAsync();
        using var dana = await DanaAsync();
        await FileAsync(agent, new { title = "Lee's laptop", requester_email = "lee@example.com" });
        var own = await FileAsync(agent, new { title = "Dana's laptop", requester_email = "dana@example.com" });

        var agentPage = await JsonAsync(await agent.GetAsync(Url("/api/tickets/?ordering=id")), HttpStatusCode.OK);
        var danaPage = await JsonAsync(await dana.GetAsync(Url("/api/tickets/?ordering=id")), HttpStatusCode.OK);

        Assert.Equal(2, (long)agentPage["count"]!);
        Assert.Equal([own], Ids(danaPage));
    }

    [Fact]
    public async Task Someone_elses_ticket_is_the_same_404_problem_as_a_missing_one_on_read_thread_and_message()
    {
        using var agent = await AgentAsync();
        using var dana = await DanaAsync();
        var lees = await FileAsync(agent, new { title = "Lee's VPN", requester_email = "lee@example.com" });

        var hidden = await JsonAsync(await dana.GetAsync(Url($"/api/tickets/{lees}/")), HttpStatusCode.NotFound);
        var missing = await JsonAsync(await dana.GetAsync(Url("/api/tickets/999999/")), HttpStatusCode.NotFound);
        var thread = await JsonAsync(await dana.GetAsync(Url($"/api/tickets/{lees}/messages/")), HttpStatusCode.NotFound);
        var message = await JsonAsync(await dana.PostAsJsonAsync($"/api/tickets/{lees}/messages/", new { kind = "customer", body = "me too" }), HttpStatusCode.NotFound);

        Assert.Equal($"Ticket with id '{lees}' was not found.", (string)hidden["detail"]!);
        Assert.Equal(missing["title"]!.ToJsonString(), hidden["title"]!.ToJsonString());
        Assert.Equal($"Ticket with id '{lees}' was not found.", (string)thread["detail"]!);
        Assert.Equal($"Ticket with id '{lees}' was not found.", (string)message["detail"]!);
    }

    [Fact]
    public async Task A_conditional_get_of_someone_elses_ticket_is_a_404_never_a_304()
    {
        using var agent = await AgentAsync();
        using var dana = await DanaAsync();
        var lees = await FileAsync(agent, new { title = "Lee's VPN", requester_email = "lee@example.com" });
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"/api/tickets/{lees}/"));
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"1\", *");

        using var response = await dana.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task A_requester_sees_their_ticket_without_the_triage_record_and_nobody_sees_filed_by()
    {
        using var agent = await AgentAsync();
        using var dana = await DanaAsync();
        var id = await FileAsync(dana, new { title = "Laptop will not boot", description = "Black screen since this morning." });

        var own = await JsonAsync(await dana.GetAsync(Url($"/api/tickets/{id}/")), HttpStatusCode.OK);
        var listed = (await JsonAsync(await dana.GetAsync(Url("/api/tickets/")), HttpStatusCode.OK))["results"]![0]!.AsObject();
        var staff = await JsonAsync(await agent.GetAsync(Url($"/api/tickets/{id}/")), HttpStatusCode.OK);

        Assert.Null(own["triage"]);
        Assert.True(own.ContainsKey("triage"));
        Assert.Null(listed["triage"]);
        Assert.NotNull((string?)own["category"]);
        Assert.NotNull(staff["triage"]!["category"]!["reason"]);
        Assert.False(own.ContainsKey("filed_by"));
        Assert.False(staff.ContainsKey("filed_by"));
    }

    [Fact]
    public async Task A_requester_filing_without_requester_fields_is_recorded_as_themselves()
    {
        using var dana = await DanaAsync();

        var created = await JsonAsync(await dana.PostAsJsonAsync("/api/tickets/", new { title = "Mailbox full" }), HttpStatusCode.Created);

        Assert.Equal("dana@example.com", (string)created["requester_email"]!);
        Assert.Equal("dana@example.com", (string)created["requester_name"]!);
        Assert.Null(created["triage"]);
    }

    [Fact]
    public async Task A_requester_filing_for_another_address_or_setting_priority_gets_a_422_naming_the_fields()
    {
        using var dana = await DanaAsync();

        var problem = await JsonAsync(await dana.PostAsJsonAsync("/api/tickets/",
            new { title = "Mailbox full", requester_email = "ceo@example.com", priority = "URGENT" }), HttpStatusCode.UnprocessableEntity);
        var sameAddressOtherCase = await dana.PostAsJsonAsync("/api/tickets/", new { title = "Mailbox full", requester_email = "Dana@Example.com" });

        Assert.NotNull(problem["errors"]!["requester_email"]);
        Assert.NotNull(problem["errors"]!["priority"]);
        Assert.Equal(HttpStatusCode.Created, sameAddressOtherCase.StatusCode);
        var page = await JsonAsync(await dana.GetAsync(Url("/api/tickets/")), HttpStatusCode.OK);
        Assert.Equal(1, (long)page["count"]!);
    }

    [Fact]
    public async Task A_requester_reads_customer_messages_and_replies_of_their_thread_but_never_notes()
    {
        using var agent = await AgentAsync();
        using var dana = await DanaAsync();
        var id = await FileAsync(dana, new { title = "VPN drops" });
        await JsonAsync(await dana.PostAsJsonAsync($"/api/tickets/{id}/messages/", new { kind = "customer", body = "Still dropping." }), HttpStatusCode.Created);
        await JsonAsync(await agent.PostAsJsonAsync($"/api/tickets/{id}/messages/", new { kind = "note", body = "Her router is on the blocklist." }), HttpStatusCode.Created);
        await JsonAsync(await agent.PostAsJsonAsync($"/api/tickets/{id}/messages/", new { kind = "reply", body = "Please update the client." }), HttpStatusCode.Created);

        var seen = await JsonAsync(await dana.GetAsync(Url($"/api/tickets/{id}/messages/")), HttpStatusCode.OK);
        var staff = await JsonAsync(await agent.GetAsync(Url($"/api/tickets/{id}/messages/")), HttpStatusCode.OK);

        Assert.Equal(["customer", "reply"], seen["results"]!.AsArray().Select(m => (string)m!["kind"]!));
        Assert.Equal(2, (long)seen["count"]!);
        Assert.Equal(3, (long)staff["count"]!);
    }

    [Theory]
    [InlineData("reply")]
    [InlineData("note")]
    public async Task A_requester_adding_a_staff_kind_of_message_to_their_own_ticket_gets_a_403_problem(string kind)
    {
        using var dana = await DanaAsync();
        var id = await FileAsync(dana, new { title = "VPN drops" });

        var response = await dana.PostAsJsonAsync($"/api/tickets/{id}/messages/", new { kind, body = "Resolved, trust me." });

        var problem = await JsonAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(kind, (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requesters_customer_message_is_signed_with_their_own_name_whatever_author_they_send()
    {
        using var dana = await DanaAsync();
        var id = await FileAsync(dana, new { title = "VPN drops" });

        var message = await JsonAsync(await dana.PostAsJsonAsync($"/api/tickets/{id}/messages/",
            new { kind = "customer", body = "Still dropping.", author = "Support team" }), HttpStatusCode.Created);

        Assert.Equal("dana@example.com", (string)message["author"]!);
    }

    [Fact]
    public async Task A_requester_reads_articles_without_their_internal_notes()
    {
        using var agent = await AgentAsync();
        using var dana = await DanaAsync();
        var article = await JsonAsync(await agent.PostAsJsonAsync("/api/articles/", new
        {
            title = "Reset your VPN profile", category = "NETWORK", body = "1. Open the VPN app.", internal_notes = "Gateway 3 is flaky; escalate to netops.",
        }), HttpStatusCode.Created);
        var id = (long)article["id"]!;

        var one = await JsonAsync(await dana.GetAsync(Url($"/api/articles/{id}/")), HttpStatusCode.OK);
        var searched = await JsonAsync(await dana.GetAsync(Url("/api/articles/?search=vpn")), HttpStatusCode.OK);
        var staff = await JsonAsync(await agent.GetAsync(Url($"/api/articles/{id}/")), HttpStatusCode.OK);

        Assert.Equal("", (string)one["internal_notes"]!);
        Assert.Equal("1. Open the VPN app.", (string)one["body"]!);
        Assert.All(searched["results"]!.AsArray(), a => Assert.Equal("", (string)a!["internal_notes"]!));
        Assert.Equal("Gateway 3 is flaky; escalate to netops.", (string)staff["internal_notes"]!);
    }
}

public sealed class RequesterVisibilityOnSqliteTests() : RequesterVisibilityTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class RequesterVisibilityOnPostgresTests(PostgresServer server) : RequesterVisibilityTests(server);
