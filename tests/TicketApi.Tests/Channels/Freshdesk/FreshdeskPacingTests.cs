using System.Globalization;
using TicketApi.Channels;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Channels.Freshdesk;

/// <summary>
/// The connector's pacing and failure handling (docs/channels.md, "Freshdesk connector: pacing"), asserted on the
/// delays it asks its clock for. Store-independent, so on SQLite only.
/// </summary>
public sealed class FreshdeskPacingTests : IAsyncLifetime
{
    private FakeFreshdesk _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeFreshdesk.StartAsync();
        _fake.AddTicket(1);
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Retry_after_is_honoured_in_seconds_and_as_an_http_date()
    {
        await using var host = new FreshdeskHost(SqliteStore.Instance, _fake);
        var date = host.Delays.GetUtcNow().AddSeconds(20).ToString("R", CultureInfo.InvariantCulture);
        _fake.Faults = (number, _) => number switch { 1 => Fault.TooMany("7"), 2 => Fault.TooMany(date), _ => null };

        await host.RunCycleAsync();

        Assert.Equal(ChannelStatus.Ok, host.Status.State);
        Assert.Equal([7, 3, 20, 3, 3], host.Delays.Delays.Select(d => d.TotalSeconds));
        Assert.Single(await host.MirroredAsync());
    }

    [Fact]
    public async Task Server_errors_back_off_doubling_from_retry_delay_to_60_seconds_and_max_retries_ends_the_cycle_failing()
    {
        _fake.Faults = (_, _) => Fault.ServerError;
        await using var host = new FreshdeskHost(SqliteStore.Instance, _fake, new Dictionary<string, string?>
        {
            ["FRESHDESK_RATE_LIMIT_DELAY"] = "0",
            ["FRESHDESK_RETRY_DELAY"] = "5",
            ["FRESHDESK_MAX_RETRIES"] = "6",
        });

        await host.RunCycleAsync();

        Assert.Equal([5, 10, 20, 40, 60, 60], host.Delays.Delays.Select(d => d.TotalSeconds));
        Assert.Equal(7, _fake.Requests.Count);
        Assert.Equal(ChannelStatus.Failing, host.Status.State);
        Assert.Equal("Freshdesk did not answer GET /api/v2/tickets after 6 retries (last: 500 Internal Server Error).", host.Status.LastError);
        Assert.Empty(await host.MirroredAsync());
    }

    [Fact]
    public async Task A_refused_api_key_fails_the_cycle_at_once_with_a_clear_error_that_names_no_key()
    {
        const string wrongKey = "wrong-key-Zk93";
        await using var host = new FreshdeskHost(SqliteStore.Instance, _fake, new Dictionary<string, string?> { ["FRESHDESK_API_KEY"] = wrongKey });

        await host.RunCycleAsync();

        Assert.Equal(ChannelStatus.Failing, host.Status.State);
        Assert.Equal(
            "Freshdesk refused the API key (401 Unauthorized) for GET /api/v2/tickets: check FRESHDESK_API_KEY and the agent's permissions.",
            host.Status.LastError);
        Assert.Single(_fake.Requests); // no retry of a refusal
        var health = await host.Client.GetStringAsync("/health");
        Assert.DoesNotContain(wrongKey, health, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(wrongKey + ":X")), health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_that_is_not_json_fails_the_cycle_and_the_next_cycle_recovers()
    {
        _fake.Faults = (number, _) => number == 1 ? Fault.NotJson : null;
        await using var host = new FreshdeskHost(SqliteStore.Instance, _fake);

        await host.RunCycleAsync();
        Assert.Equal(ChannelStatus.Failing, host.Status.State);
        Assert.StartsWith("Freshdesk answered with something other than the documented JSON", host.Status.LastError, StringComparison.Ordinal);
        await host.RunCycleAsync();

        Assert.Equal(ChannelStatus.Ok, host.Status.State);
        Assert.Single(await host.MirroredAsync());
    }

    [Fact]
    public async Task A_cycle_imports_at_most_ticket_limit_tickets_and_the_next_cycle_continues()
    {
        for (var n = 2; n <= 25; n++)
        {
            _fake.AddTicket(n, conversations: 0);
        }
        await using var host = new FreshdeskHost(SqliteStore.Instance, _fake, new Dictionary<string, string?> { ["FRESHDESK_TICKET_LIMIT"] = "10" });

        await host.RunCycleAsync();
        Assert.Equal(10, (await host.MirroredAsync()).Count);
        await host.RunCycleAsync();
        await host.RunCycleAsync();
        Assert.Equal(25, (await host.MirroredAsync()).Count);
        Assert.Contains(_fake.Requests, r => r.Contains("updated_since=2025-03-01T08%3A00%3A09Z", StringComparison.Ordinal));
    }
}
