using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Audit;

/// <summary>
/// <c>GET /api/tickets/{id}/history/</c> and <c>GET /api/audit/</c> as clients see them (docs/accounts.md, "Audit"):
/// order, paging, filters, each refusal, and who may read which.
/// </summary>
public abstract class AuditEndpointTests(TicketStoreFixture store) : TicketApiTest(store)
{
    private static string History(long id) => $"/api/tickets/{id}/history/";

    private static async Task<JsonObject> GetOkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string[] Actions(JsonObject page) => [.. page["results"]!.AsArray().Select(r => (string)r!["action"]!)];

    [Fact]
    public async Task History_lists_a_tickets_changes_oldest_first_a_page_at_a_time_with_absolute_links()
    {
        var id = await CreateTicketInStatusAsync("CLOSED");

        var first = await GetOkAsync(Client, History(id) + "?page_size=2");
        var second = await GetOkAsync(Client, History(id) + "?page_size=2&page=2");

        Assert.Equal(3, (long)first["count"]!);
        Assert.Equal(["created", "status_changed"], Actions(first));
        Assert.Equal(["status_changed"], Actions(second));
        Assert.Equal($"http://localhost{History(id)}?page=2&page_size=2", (string)first["next"]!);
        Assert.Null(first["previous"]);
        Assert.Equal($"http://localhost{History(id)}?page_size=2", (string)second["previous"]!);
        Assert.Null(second["next"]);
    }

    [Fact]
    public async Task History_of_an_unknown_ticket_is_a_404_problem_and_a_bad_parameter_a_400_naming_it()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;

        await AssertProblemAsync(await Client.GetAsync(new Uri(History(999999), UriKind.Relative)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.GetAsync(new Uri("/api/tickets/abc/history/", UriKind.Relative)), HttpStatusCode.NotFound);
        var problem = await AssertProblemAsync(await Client.GetAsync(new Uri(History(id) + "?action=created", UriKind.Relative)), HttpStatusCode.BadRequest);
        Assert.NotEmpty(FieldErrors(problem, "action"));
        await AssertProblemAsync(await Client.GetAsync(new Uri(History(id) + "?page=5", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_audit_log_is_newest_first_across_tickets_and_filters_by_action_channel_ticket_and_time()
    {
        var first = (long)(await CreateTicketAsync("First"))["id"]!;
        Factory.Clock.Advance(TimeSpan.FromHours(1));
        var second = (long)(await CreateTicketAsync("Second"))["id"]!;
        await PatchJsonAsync($"/api/tickets/{second}/", """{"title":"Second, renamed"}""");

        var all = await GetOkAsync(Client, "/api/audit/");
        var created = await GetOkAsync(Client, "/api/audit/?action=created");
        var ofFirst = await GetOkAsync(Client, $"/api/audit/?ticket={first}");
        var since = await GetOkAsync(Client, "/api/audit/?since=2025-01-08T15:00:00Z");
        var until = await GetOkAsync(Client, "/api/audit/?until=2025-01-08T15:00:00%2B00:00");
        var byLocal = await GetOkAsync(Client, "/api/audit/?actor=local&channel=rest");
        var byChat = await GetOkAsync(Client, "/api/audit/?channel=chat");

        Assert.Equal(["updated", "created", "created"], Actions(all));
        Assert.Equal([second, second, first], all["results"]!.AsArray().Select(r => (long)r!["ticket_id"]!));
        Assert.Equal(2, (long)created["count"]!);
        Assert.Equal(["created"], Actions(ofFirst));
        Assert.Equal(["updated", "created"], Actions(since));
        Assert.Equal(["created"], Actions(until));
        Assert.Equal(3, (long)byLocal["count"]!);
        Assert.Equal(0, (long)byChat["count"]!);
    }

    [Theory]
    [InlineData("channel=fax", "channel")]
    [InlineData("action=edited", "action")]
    [InlineData("ticket=abc", "ticket")]
    [InlineData("ticket=0", "ticket")]
    [InlineData("since=yesterday", "since")]
    [InlineData("until=08/01/2025", "until")]
    [InlineData("page=0", "page")]
    [InlineData("colour=red", "colour")]
    [InlineData("action=created&action=updated", "action")]
    public async Task A_bad_audit_filter_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var problem = await AssertProblemAsync(await Client.GetAsync(new Uri("/api/audit/?" + query, UriKind.Relative)), HttpStatusCode.BadRequest);

        Assert.NotEmpty(FieldErrors(problem, parameter));
    }

    [Fact]
    public async Task In_required_mode_a_requester_may_read_neither_an_agent_only_history_and_an_admin_both_and_the_trail_names_each_person()
    {
        using var factory = new TicketApiFactory(Factory.Store, services => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required }));
        using var requester = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var admin = await TestAccounts.SignInAsync(factory, "ada@example.com", "admin");
        var created = await requester.PostAsJsonAsync("/api/tickets/", new { title = "VPN drops" });
        var id = (long)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        await agent.PatchAsJsonAsync($"/api/tickets/{id}/", new { resolution_status = "RESOLVED" });

        Assert.Equal(HttpStatusCode.Forbidden, (await requester.GetAsync(new Uri(History(id), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await requester.GetAsync(new Uri("/api/audit/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(new Uri("/api/audit/", UriKind.Relative))).StatusCode);
        var history = await GetOkAsync(agent, History(id));
        var audit = await GetOkAsync(admin, "/api/audit/");

        var rows = history["results"]!.AsArray();
        Assert.Equal(["created", "status_changed"], Actions(history));
        Assert.Equal("dana@example.com", (string)rows[0]!["actor"]!["name"]!);
        Assert.Equal("sam@example.com", (string)rows[1]!["actor"]!["name"]!);
        Assert.Equal(2, (long)audit["count"]!);
        var samId = (string)rows[1]!["actor"]!["id"]!;
        Assert.Equal(["status_changed"], Actions(await GetOkAsync(admin, $"/api/audit/?actor={samId}")));
    }
}

public sealed class AuditEndpointOnSqliteTests() : AuditEndpointTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class AuditEndpointOnPostgresTests(PostgresServer server) : AuditEndpointTests(server);
