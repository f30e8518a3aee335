using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Analytics;

/// <summary>
/// Each figure of <c>GET /api/analytics/</c> (docs/analytics.md) against a small data set built here, with the
/// expected numbers counted by hand in the comments; on both stores, with real sign-ins and a clock the test moves.
/// </summary>
public abstract class AnalyticsFigureTests(TicketStoreFixture store)
{
    private static readonly DateTimeOffset LateOnTenth = new(2026, 3, 10, 23, 59, 0, TimeSpan.Zero);

    private static void Required(IServiceCollection services) => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required });

    [Fact]
    public async Task Every_figure_matches_a_hand_counted_set_of_tickets_and_days_split_at_utc_midnight()
    {
        using var factory = new TicketApiFactory(store, Required);
        factory.Clock.Set(LateOnTenth);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var admin = await TestAccounts.SignInAsync(factory, "ada@example.com", "admin");
        using var dana = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");

        // 03-10 23:59: A filed (rest), for dana.
        var a = await CreateAsync(agent, new { title = "VPN drops", requester_email = "dana@example.com", category = "NETWORK", priority = "LOW" });
        // 03-11 00:01: the first reply to A (120 s after it was filed), and A resolved by the agent (resolution 120 s).
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await SendAsync(agent, HttpMethod.Post, $"/api/tickets/{a}/messages/", new { kind = "reply", body = "Please reinstall the client." }, HttpStatusCode.Created);
        await SendAsync(agent, HttpMethod.Patch, $"/api/tickets/{a}/", new { resolution_status = "RESOLVED" }, HttpStatusCode.OK);
        // 03-11 00:01: B filed, for dana; dana rates A 4.
        var b = await CreateAsync(agent, new { title = "Laptop will not boot", requester_email = "dana@example.com", category = "HARDWARE", priority = "HIGH" });
        await SendAsync(dana, HttpMethod.Post, $"/api/tickets/{a}/rating/", new { score = 4 }, HttpStatusCode.Created);
        // 03-11 00:11: B resolved through the assistant's self-service, with its note (resolution 600 s); then reopened.
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await SendAsync(agent, HttpMethod.Patch, $"/api/tickets/{b}/", new { resolution_status = "RESOLVED" }, HttpStatusCode.OK);
        await SendAsync(agent, HttpMethod.Post, $"/api/tickets/{b}/messages/",
            new { kind = "note", body = "Resolved by the requester through self-service with article #4 Laptop will not start." }, HttpStatusCode.Created);
        await SendAsync(agent, HttpMethod.Patch, $"/api/tickets/{b}/", new { resolution_status = "OPEN" }, HttpStatusCode.OK);
        // C filed and deleted the same minute: it leaves every figure.
        var c = await CreateAsync(agent, new { title = "Printer jam", category = "HARDWARE" });
        await SendAsync(admin, HttpMethod.Delete, $"/api/tickets/{c}/", null, HttpStatusCode.NoContent);
        var sentimentA = (string)(await GetAsync(agent, $"/api/tickets/{a}/"))["sentiment"]!;
        var sentimentB = (string)(await GetAsync(agent, $"/api/tickets/{b}/"))["sentiment"]!;

        var tenth = await GetAsync(agent, "/api/analytics/?from=2026-03-10&to=2026-03-10");
        var eleventh = await GetAsync(agent, "/api/analytics/?from=2026-03-11&to=2026-03-11");
        var both = await GetAsync(agent, "/api/analytics/?from=2026-03-10&to=2026-03-11");

        // The 10th: A only was filed; nothing resolved yet.
        Assert.Equal(1, (long)tenth["totals"]!["created"]!);
        Assert.Equal(0, (long)tenth["totals"]!["resolved"]!);
        Assert.Equal(1, (long)tenth["sentiment"]![sentimentA]!);
        // The 11th: B filed (C is gone); A and B resolved: two moves, one of them self-service.
        Assert.Equal(1, (long)eleventh["totals"]!["created"]!);
        Assert.Equal(2, (long)eleventh["totals"]!["resolved"]!);
        Assert.Equal(1, (long)eleventh["totals"]!["self_service_resolutions"]!);
        Assert.Equal(1, (long)eleventh["csat"]!["count"]!);
        // Both days: one row per day, oldest first.
        var days = both["days"]!.AsArray();
        Assert.Equal(["2026-03-10", "2026-03-11"], days.Select(d => (string)d!["date"]!));
        Assert.Equal([1L, 1L], days.Select(d => (long)d!["created"]!));
        Assert.Equal([0L, 2L], days.Select(d => (long)d!["resolved"]!));
        Assert.Equal(2, (long)both["channels"]!["rest"]!);
        Assert.Equal(0, (long)both["channels"]!["email"]!);
        Assert.Equal(sentimentA == sentimentB ? 2 : 1, (long)both["sentiment"]![sentimentB]!);
        // Now: A RESOLVED, B OPEN (HARDWARE, HIGH); C deleted.
        Assert.Equal(1, (long)both["backlog"]!["by_status"]!["OPEN"]!);
        Assert.Equal(1, (long)both["backlog"]!["by_status"]!["RESOLVED"]!);
        Assert.Equal(0, (long)both["backlog"]!["by_status"]!["CLOSED"]!);
        Assert.Equal(1, (long)both["backlog"]!["open_by_category"]!["HARDWARE"]!);
        Assert.Equal(0, (long)both["backlog"]!["open_by_category"]!["NETWORK"]!);
        Assert.Equal(1, (long)both["backlog"]!["open_by_priority"]!["HIGH"]!);
        // First response: A only, 120 s. Resolution: A 120 s, B 600 s (its resolved_at stays after the reopen); the
        // lower middle of two is 120 s. Both reported from buckets: within a factor of 2^(1/8) = 1.0905.
        Assert.Equal(1, (long)both["first_response"]!["count"]!);
        AssertWithinBucketError(120, (double)both["first_response"]!["median_seconds"]!);
        Assert.Equal(2, (long)both["resolution"]!["count"]!);
        AssertWithinBucketError(120, (double)both["resolution"]!["median_seconds"]!);
        // CSAT: one rating of 4.
        Assert.Equal(4.0, (double)both["csat"]!["average"]!);
        Assert.Equal(1, (long)both["csat"]!["distribution"]!["4"]!);
        Assert.Equal(0, (long)both["csat"]!["distribution"]!["5"]!);
    }

    [Fact]
    public async Task An_empty_period_has_zero_counts_and_null_medians_and_average()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();

        var report = await GetAsync(client, "/api/analytics/?from=2020-01-01&to=2020-01-03");
        Assert.True(report.ContainsKey("first_response"), report.ToJsonString());

        Assert.Equal(3, report["days"]!.AsArray().Count);
        Assert.Equal(0, (long)report["totals"]!["created"]!);
        Assert.Null(report["first_response"]!["median_seconds"]);
        Assert.Null(report["csat"]!["average"]);
    }

    [Fact]
    public async Task The_default_period_is_the_last_30_utc_days_up_to_today()
    {
        using var factory = new TicketApiFactory(store);
        factory.Clock.Set(new DateTimeOffset(2026, 3, 31, 0, 30, 0, TimeSpan.Zero));
        using var client = factory.CreateClient();
        await SendAsync(client, HttpMethod.Post, "/api/tickets/", new { title = "Just after midnight" }, HttpStatusCode.Created);

        var report = await GetAsync(client, "/api/analytics/");

        Assert.Equal("2026-03-02", (string)report["from"]!);
        Assert.Equal("2026-03-31", (string)report["to"]!);
        Assert.Equal(30, report["days"]!.AsArray().Count);
        Assert.Equal(1, (long)report["days"]![29]!["created"]!);
    }

    [Theory]
    [InlineData("from=2026-02-30", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-03-10&to=2026-03-09", "from")]
    [InlineData("from=2025-01-01&to=2026-03-01", "to")]
    [InlineData("from=2026-03-01&from=2026-03-02", "from")]
    [InlineData("days=7", "days")]
    public async Task A_bad_reversed_or_too_long_period_is_a_400_naming_the_parameter(string query, string parameter)
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/analytics/?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task A_requester_is_refused_with_403_and_an_agent_may_not_rebuild()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var dana = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");

        Assert.Equal(HttpStatusCode.Forbidden, (await dana.GetAsync(new Uri("/api/analytics/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync(new Uri("/api/analytics/rebuild", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(new Uri("/api/analytics/", UriKind.Relative))).StatusCode);
    }

    private static void AssertWithinBucketError(double expected, double actual) =>
        Assert.InRange(actual, expected / 1.0906, expected * 1.0906);

    internal static async Task<long> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/tickets/", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    internal static async Task SendAsync(HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request);
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    internal static async Task<JsonObject> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

public sealed class AnalyticsFigureOnSqliteTests() : AnalyticsFigureTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class AnalyticsFigureOnPostgresTests(PostgresServer server) : AnalyticsFigureTests(server);
