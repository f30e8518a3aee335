using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Assignment;
using TicketApi.Audit;
using TicketApi.Data;
using TicketApi.Querying;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Trust;

/// <summary>Assignment of tickets to agents (docs/accounts.md, "Assignment"), on both stores.</summary>
public abstract class AssignmentTests(TicketStoreFixture store)
{
    private static void Required(IServiceCollection services) => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required });

    [Fact]
    public async Task Assigning_to_me_in_local_mode_makes_the_local_admin_the_assignee_and_moves_the_etag()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();
        var id = await CreateAsync(client, "Printer jam");
        var before = (await client.GetAsync(Url(id))).Headers.ETag!.Tag;

        var response = await client.PutAsJsonAsync(Url(id) + "assignee/", new { assignee = "me" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await JsonAsync(response);
        Assert.Equal("local", (string)ticket["assignee"]!["id"]!);
        Assert.Equal("Local admin", (string)ticket["assignee"]!["name"]!);
        Assert.NotEqual(before, response.Headers.ETag!.Tag);
        var read = await JsonAsync(await client.GetAsync(Url(id)));
        Assert.Equal("local", (string)read["assignee"]!["id"]!);
    }

    [Fact]
    public async Task An_agent_can_be_assigned_by_id_or_email_and_null_unassigns()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();
        var samId = await TestAccounts.CreateUserAsync(factory.Services, "sam@example.com", "agent");
        var id = await CreateAsync(client, "VPN drops");

        var byId = await JsonAsync(await client.PutAsJsonAsync(Url(id) + "assignee", new { assignee = samId }));
        Assert.Equal(samId, (string)byId["assignee"]!["id"]!);
        Assert.Equal("sam@example.com", (string)byId["assignee"]!["name"]!);

        var unassigned = await client.PutAsync(Url(id) + "assignee/", Body("""{"assignee":null}"""));
        Assert.Equal(HttpStatusCode.OK, unassigned.StatusCode);
        Assert.Null((await JsonAsync(unassigned))["assignee"]);

        var byEmail = await JsonAsync(await client.PutAsJsonAsync(Url(id) + "assignee/", new { assignee = "SAM@example.com" }));
        Assert.Equal(samId, (string)byEmail["assignee"]!["id"]!);
    }

    [Theory]
    [InlineData("requester")]
    [InlineData(null)]
    public async Task Assigning_someone_who_is_not_an_agent_or_admin_is_a_422_naming_the_field(string? role)
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();
        var person = role is null ? "no-such-person" : await TestAccounts.CreateUserAsync(factory.Services, "dana@example.com", role);
        var id = await CreateAsync(client, "VPN drops");

        var response = await client.PutAsJsonAsync(Url(id) + "assignee/", new { assignee = person });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await JsonAsync(response))["errors"]!["assignee"]);
        Assert.Null((await JsonAsync(await client.GetAsync(Url(id))))["assignee"]);
    }

    [Theory]
    [InlineData("""{}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"assignee":"me","colour":"red"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"assignee":12}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"assignee":""", HttpStatusCode.BadRequest)]
    [InlineData("""["me"]""", HttpStatusCode.BadRequest)]
    public async Task A_malformed_assignment_body_is_a_400_problem(string body, HttpStatusCode expected)
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();
        var id = await CreateAsync(client, "VPN drops");

        var response = await client.PutAsync(Url(id) + "assignee/", Body(body));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Assignment_answers_404_for_an_unknown_ticket_415_for_text_and_412_for_a_stale_if_match()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();
        var id = await CreateAsync(client, "VPN drops");

        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync(Url(999999) + "assignee/", new { assignee = "me" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await client.PutAsync(Url(id) + "assignee/", new StringContent("me", Encoding.UTF8, "text/plain"))).StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Put, Url(id) + "assignee/") { Content = Body("""{"assignee":"me"}""") };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"12345\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        var etag = (await client.GetAsync(Url(id))).Headers.ETag!.Tag;
        using var fresh = new HttpRequestMessage(HttpMethod.Put, Url(id) + "assignee/") { Content = Body("""{"assignee":"me"}""") };
        fresh.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task A_requester_may_not_assign_a_ticket()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var requester = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        var created = await requester.PostAsJsonAsync("/api/tickets/", new { title = "VPN drops" });
        var id = (long)(await JsonAsync(created))["id"]!;

        var response = await requester.PutAsJsonAsync(Url(id) + "assignee/", new { assignee = "me" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_assignee_filter_finds_my_tickets_unassigned_ones_and_a_named_persons()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var sam = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var kim = await TestAccounts.SignInAsync(factory, "kim@example.com", "agent");
        var samTicket = await CreateAsync(sam, "Sam's");
        var kimTicket = await CreateAsync(kim, "Kim's");
        var nobodys = await CreateAsync(sam, "Nobody's");
        Assert.Equal(HttpStatusCode.OK, (await sam.PutAsJsonAsync(Url(samTicket) + "assignee/", new { assignee = "me" })).StatusCode);
        var kimAssigned = await JsonAsync(await kim.PutAsJsonAsync(Url(kimTicket) + "assignee/", new { assignee = "me" }));
        var kimId = (string)kimAssigned["assignee"]!["id"]!;

        Assert.Equal([samTicket], await IdsAsync(sam, "?assignee=me"));
        Assert.Equal([kimTicket], await IdsAsync(kim, "?assignee=ME"));
        Assert.Equal([nobodys], await IdsAsync(sam, "?assignee=none"));
        Assert.Equal([kimTicket], await IdsAsync(sam, $"?assignee={kimId}"));
        Assert.Equal([nobodys, kimTicket, samTicket], await IdsAsync(sam, ""));
        var count = await JsonAsync(await sam.GetAsync(new Uri("/api/tickets/?assignee=none", UriKind.Relative)));
        Assert.Equal(1, (long)count["count"]!);
    }

    [Fact]
    public async Task An_assignee_filter_too_long_to_be_an_id_is_a_400_naming_the_parameter()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/tickets/?assignee=" + new string('x', AssigneeFilter.MaxIdLength + 1), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await JsonAsync(response))["errors"]!["assignee"]);
    }

    [Fact]
    public async Task Each_assignment_is_reported_to_the_change_journal_with_who_acted()
    {
        var sink = new RecordingSink();
        using var factory = new TicketApiFactory(store, services => services.AddSingleton<ITicketChangeSink>(sink));
        using var client = factory.CreateClient();
        var id = await CreateAsync(client, "VPN drops");

        await client.PutAsJsonAsync(Url(id) + "assignee/", new { assignee = "me" });
        await client.PutAsJsonAsync(Url(id) + "assignee/", new { assignee = "me" }); // the same person again: no change

        var (change, acting) = Assert.Single(sink.Changes, c => c.Change.Action == TicketActions.Assigned);
        Assert.Equal(id, change.TicketId);
        Assert.Equal(new FieldChange("assignee", null, "local"), Assert.Single(change.Fields));
        Assert.Equal(Actor.LocalAdminId, acting.Actor.Id);
        Assert.Equal("rest", acting.Channel);
    }

    [Fact]
    public async Task An_assignment_whose_journal_fails_is_not_saved()
    {
        using var factory = new TicketApiFactory(store, services => services.AddSingleton<ITicketChangeSink>(new FailingSink()));
        using var client = factory.CreateClient();
        var id = await CreateAsync(client, "VPN drops");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var assignments = scope.ServiceProvider.GetRequiredService<TicketAssignments>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => assignments.AssignAsync(id, "me", null, CancellationToken.None));
        }

        Assert.Null((await JsonAsync(await client.GetAsync(Url(id))))["assignee"]);
    }

    private static string Url(long id) => $"/api/tickets/{id}/";

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<long> CreateAsync(HttpClient client, string title)
    {
        var response = await client.PostAsJsonAsync("/api/tickets/", new { title });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)(await JsonAsync(response))["id"]!;
    }

    private static async Task<long[]> IdsAsync(HttpClient client, string query)
    {
        var page = await JsonAsync(await client.GetAsync(new Uri("/api/tickets/" + query, UriKind.Relative)));
        return [.. page["results"]!.AsArray().Select(t => (long)t!["id"]!)];
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    internal sealed class RecordingSink : ITicketChangeSink
    {
        public List<(TicketChange Change, Acting Acting)> Changes { get; } = [];

        public void Stage(TicketDbContext db, TicketChange change, Acting acting, DateTime at)
        {
            lock (Changes)
            {
                Changes.Add((change, acting));
            }
        }
    }

    private sealed class FailingSink : ITicketChangeSink
    {
        public void Stage(TicketDbContext db, TicketChange change, Acting acting, DateTime at)
        {
            if (change.Action == TicketActions.Assigned)
            {
                throw new InvalidOperationException("The audit store is down.");
            }
        }
    }
}

public sealed class AssignmentOnSqliteTests() : AssignmentTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class AssignmentOnPostgresTests(PostgresServer server) : AssignmentTests(server);
