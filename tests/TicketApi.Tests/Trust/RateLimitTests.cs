using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Limits;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Trust;

/// <summary>
/// Rate limits (docs/accounts.md, "Limits") on the framework's limiter. Limiting is not storage, so these run on
/// SQLite only. Refill is real time: the tests choose a refill period of a fraction of a second and poll for it
/// with a deadline.
/// </summary>
public sealed class RateLimitTests
{
    private static Action<IServiceCollection> Limits(RateLimitSettings settings, bool required = false) => services =>
    {
        services.AddSingleton(settings);
        if (required)
        {
            services.AddSingleton(new AccountSettings { Mode = AuthMode.Required });
        }
    };

    /// <summary>
    /// Writes: one at once, one more every two seconds (long enough that a cold first request cannot outlast it);
    /// nothing else limited; local mode not scaled.
    /// </summary>
    private static readonly RateLimitSettings TightWrites = new() { Writes = new(Burst: 1, PerMinute: 30), LocalFactor = 1 };

    [Fact]
    public async Task A_write_over_the_limit_is_a_429_problem_with_retry_after_and_the_next_after_refill_succeeds()
    {
        using var factory = new TicketApiFactory(SqliteStore.Instance, Limits(TightWrites));
        using var client = factory.CreateClient();

        var first = await client.PostAsJsonAsync("/api/tickets/", new { title = "One" });
        var refused = await client.PostAsJsonAsync("/api/tickets/", new { title = "Two" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.InRange(retryAfter ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(429, (int)problem["status"]!);
        Assert.Equal(retryAfter!.Value.TotalSeconds, (int)problem["retry_after"]!);

        var deadline = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "the bucket never refilled");
            await Task.Delay(50);
            status = (await client.PostAsJsonAsync("/api/tickets/", new { title = "Two" })).StatusCode;
        }
        while (status == HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task Reads_are_not_limited_when_writes_are_exhausted()
    {
        var slow = TightWrites with { Writes = new(Burst: 1, PerMinute: 1) };
        using var factory = new TicketApiFactory(SqliteStore.Instance, Limits(slow));
        using var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/tickets/", new { title = "One" });
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/tickets/", new { title = "Two" })).StatusCode);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/tickets/", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task Limits_are_per_person_so_another_person_is_not_limited()
    {
        var slow = TightWrites with { Writes = new(Burst: 1, PerMinute: 1) };
        using var factory = new TicketApiFactory(SqliteStore.Instance, Limits(slow, required: true));
        using var sam = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var kim = await TestAccounts.SignInAsync(factory, "kim@example.com", "agent");

        Assert.Equal(HttpStatusCode.Created, (await sam.PostAsJsonAsync("/api/tickets/", new { title = "Sam's" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sam.PostAsJsonAsync("/api/tickets/", new { title = "Sam's again" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await kim.PostAsJsonAsync("/api/tickets/", new { title = "Kim's" })).StatusCode);
    }

    [Fact]
    public async Task Requests_that_call_a_model_have_their_own_limit_on_top_of_writes()
    {
        var settings = new RateLimitSettings { Model = new(Burst: 1, PerMinute: 1), LocalFactor = 1 };
        using var factory = new TicketApiFactory(SqliteStore.Instance, Limits(settings));
        using var client = factory.CreateClient();
        var id = (long)JsonNode.Parse(await (await client.PostAsJsonAsync("/api/tickets/", new { title = "VPN drops" })).Content.ReadAsStringAsync())!["id"]!;

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/tickets/{id}/triage/", null)).StatusCode);
        var refused = await client.PostAsync($"/api/tickets/{id}/triage/", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/tickets/{id}/", new { title = "VPN drops at 5pm" })).StatusCode);
    }

    [Fact]
    public async Task In_local_mode_the_limits_are_multiplied_by_the_local_factor()
    {
        var settings = new RateLimitSettings { Writes = new(Burst: 1, PerMinute: 1), LocalFactor = 3 };
        using var factory = new TicketApiFactory(SqliteStore.Instance, Limits(settings));
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/tickets/", new { title = $"Ticket {i}" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Rate_limits_off_lets_every_write_through()
    {
        var settings = new RateLimitSettings { Enabled = false, Writes = new(Burst: 1, PerMinute: 1), LocalFactor = 1 };
        using var factory = new TicketApiFactory(SqliteStore.Instance, Limits(settings));
        using var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/tickets/", new { title = $"Ticket {i}" })).StatusCode);
        }
    }

    [Fact]
    public void Settings_are_read_from_rate_limit_variables()
    {
        var settings = RateLimitSettings.From(Configuration(new()
        {
            ["RATE_LIMIT_WRITES_BURST"] = "5",
            ["RATE_LIMIT_WRITES_PER_MINUTE"] = "30",
            ["RATE_LIMIT_CHAT_BURST"] = "2",
            ["RATE_LIMIT_LOCAL_FACTOR"] = "10",
            ["RATE_LIMITS"] = "off",
        }));

        Assert.Equal(new BucketSettings(5, 30), settings.Writes);
        Assert.Equal(new BucketSettings(2, new RateLimitSettings().Chat.PerMinute), settings.Chat);
        Assert.Equal(10, settings.LocalFactor);
        Assert.False(settings.Enabled);
    }

    [Theory]
    [InlineData("RATE_LIMIT_WRITES_BURST", "0")]
    [InlineData("RATE_LIMIT_MODEL_PER_MINUTE", "lots")]
    [InlineData("RATE_LIMITS", "sometimes")]
    public void A_setting_that_is_not_usable_stops_the_start_naming_it(string name, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RateLimitSettings.From(Configuration(new() { [name] = value })));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
