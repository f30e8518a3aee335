using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Audit;
using TicketApi.Ratings;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Trust;

/// <summary>Satisfaction ratings (docs/accounts.md, "Satisfaction"), on both stores, with real sign-ins.</summary>
public abstract class RatingTests(TicketStoreFixture store)
{
    private static void Required(IServiceCollection services) => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required });

    [Fact]
    public async Task The_requester_rates_a_resolved_ticket_once_and_staff_and_requester_see_the_rating()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var dana = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        var id = await ResolvedTicketAsync(agent, "Dana@Example.com");

        var rated = await dana.PostAsJsonAsync(Rating(id), new { score = 4, comment = "  Quick fix, thanks.  " });
        var again = await dana.PostAsJsonAsync(Rating(id), new { score = 1 });

        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var body = await JsonAsync(rated);
        Assert.Equal(4, (int)body["score"]!);
        Assert.Equal("Quick fix, thanks.", (string)body["comment"]!);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        foreach (var reader in new[] { agent, dana })
        {
            var ticket = await JsonAsync(await reader.GetAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative)));
            Assert.Equal(4, (int)ticket["rating"]!["score"]!);
            Assert.Equal((string)body["rated_at"]!, (string)ticket["rating"]!["rated_at"]!);
        }
        var page = await JsonAsync(await agent.GetAsync(new Uri($"/api/tickets/?id={id}", UriKind.Relative)));
        Assert.Equal(4, (int)page["results"]![0]!["rating"]!["score"]!);
    }

    [Fact]
    public async Task Rating_a_ticket_that_is_still_open_is_a_409()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var dana = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        var created = await JsonAsync(await agent.PostAsJsonAsync("/api/tickets/", new { title = "VPN drops", requester_email = "dana@example.com" }));

        var response = await dana.PostAsJsonAsync(Rating((long)created["id"]!), new { score = 5 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("OPEN", (string)(await JsonAsync(response))["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_get_a_403_and_other_requesters_a_404_as_for_an_unseen_ticket()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var other = await TestAccounts.SignInAsync(factory, "eve@example.com", "requester");
        var id = await ResolvedTicketAsync(agent, "dana@example.com");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync(Rating(id), new { score = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(Rating(id), new { score = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(Rating(999999), new { score = 5 })).StatusCode);
    }

    [Fact]
    public async Task The_person_who_filed_a_ticket_may_rate_it_after_staff_moved_it_to_another_address()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var dana = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        var id = (long)(await JsonAsync(await dana.PostAsJsonAsync("/api/tickets/", new { title = "Laptop for the new hire" })))["id"]!;
        var moved = await agent.PatchAsJsonAsync($"/api/tickets/{id}/", new { requester_email = "hire@example.com", resolution_status = "RESOLVED" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var rated = await dana.PostAsJsonAsync(Rating(id), new { score = 5 });

        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
    }

    [Theory]
    [InlineData("""{"score":0}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"score":6}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"score":99999999999}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"score":2.5}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"score":"5"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"comment":"no score"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"score":5,"stars":5}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"score":5""", HttpStatusCode.BadRequest)]
    public async Task A_rating_outside_the_rules_is_a_4xx_problem_and_records_nothing(string json, HttpStatusCode expected)
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var dana = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        var id = await ResolvedTicketAsync(agent, "dana@example.com");

        var response = await dana.PostAsync(Rating(id), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null((await JsonAsync(await agent.GetAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative))))["rating"]);
    }

    [Fact]
    public async Task The_summary_counts_and_averages_ratings_by_score_and_by_category()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var dana = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        var empty = await JsonAsync(await agent.GetAsync(new Uri("/api/ratings/summary", UriKind.Relative)));
        Assert.Equal(0, (long)empty["count"]!);
        Assert.Null(empty["average"]);

        foreach (var (category, score) in new[] { ("EMAIL", 5), ("EMAIL", 2), ("NETWORK", 4) })
        {
            var id = await ResolvedTicketAsync(agent, "dana@example.com", category);
            Assert.Equal(HttpStatusCode.Created, (await dana.PostAsJsonAsync(Rating(id), new { score })).StatusCode);
        }
        await ResolvedTicketAsync(agent, "dana@example.com", "BILLING"); // resolved, never rated: not counted

        var summary = await JsonAsync(await agent.GetAsync(new Uri("/api/ratings/summary", UriKind.Relative)));
        Assert.Equal(3, (long)summary["count"]!);
        Assert.Equal(3.67, (double)summary["average"]!);
        Assert.Equal([0L, 1, 0, 1, 1], Enumerable.Range(1, 5).Select(s => (long)summary["by_score"]![s.ToString(System.Globalization.CultureInfo.InvariantCulture)]!));
        Assert.Equal(2, (long)summary["by_category"]!["EMAIL"]!["count"]!);
        Assert.Equal(3.5, (double)summary["by_category"]!["EMAIL"]!["average"]!);
        Assert.Equal(4.0, (double)summary["by_category"]!["NETWORK"]!["average"]!);
        Assert.Null(summary["by_category"]!["BILLING"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await dana.GetAsync(new Uri("/api/ratings/summary", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_rating_is_reported_to_the_change_journal_as_the_requester()
    {
        var sink = new AssignmentTests.RecordingSink();
        using var factory = new TicketApiFactory(store, services =>
        {
            Required(services);
            services.AddSingleton<ITicketChangeSink>(sink);
        });
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var dana = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        var id = await ResolvedTicketAsync(agent, "dana@example.com");

        await dana.PostAsJsonAsync(Rating(id), new { score = 3 });

        var (change, acting) = Assert.Single(sink.Changes, c => c.Change.Action == TicketActions.Rated);
        Assert.Equal(id, change.TicketId);
        Assert.Equal(new FieldChange("rating", null, "3"), Assert.Single(change.Fields));
        Assert.Equal("dana@example.com", acting.Actor.Email);
    }

    [Fact]
    public async Task The_signed_link_serves_a_form_records_one_rating_and_refuses_a_second()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();
        var id = await ResolvedTicketAsync(client, "dana@example.com");
        var token = factory.Services.GetRequiredService<RatingLinks>().TokenFor(id, "dana@example.com");

        using var page = new HttpRequestMessage(HttpMethod.Get, $"/rate/{token}");
        page.Headers.Accept.ParseAdd("text/html");
        var form = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType);
        Assert.Contains("name=\"score\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var first = await client.PostAsync($"/rate/{token}", Form(("score", "5"), ("comment", "Great")));
        var second = await client.PostAsync($"/rate/{token}", Form(("score", "1")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var ticket = await JsonAsync(await client.GetAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative)));
        Assert.Equal(5, (int)ticket["rating"]!["score"]!);
        Assert.Equal("Great", (string)ticket["rating"]!["comment"]!);
    }

    [Fact]
    public async Task A_damaged_expired_or_mismatched_link_is_a_404_and_a_bad_form_a_4xx()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();
        var id = await ResolvedTicketAsync(client, "dana@example.com");
        var links = factory.Services.GetRequiredService<RatingLinks>();
        var token = links.TokenFor(id, "dana@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/rate/{token[..^4]}AAAA", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/rate/{links.TokenFor(id, "eve@example.com")}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/rate/{token}", Form(("score", "five")))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync($"/rate/{token}", Form(("score", "9")))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await client.PostAsync($"/rate/{token}", new StringContent("""{"score":5}""", Encoding.UTF8, "application/json"))).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(31));
        var expired = await client.PostAsync($"/rate/{token}", Form(("score", "5")));
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal("application/problem+json", expired.Content.Headers.ContentType?.MediaType);
    }

    private static string Rating(long id) => $"/api/tickets/{id}/rating/";

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<long> ResolvedTicketAsync(HttpClient staff, string requesterEmail, string category = "EMAIL")
    {
        var created = await staff.PostAsJsonAsync("/api/tickets/", new { title = "Mail bounces", requester_email = requesterEmail, category });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)(await JsonAsync(created))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await staff.PatchAsJsonAsync($"/api/tickets/{id}/", new { resolution_status = "RESOLVED" })).StatusCode);
        return id;
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}

public sealed class RatingOnSqliteTests() : RatingTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class RatingOnPostgresTests(PostgresServer server) : RatingTests(server);
