using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentHost.Tests.Support;
using AgentTickets.Testing;
using static AgentTickets.Testing.RefusalChecks;

namespace AgentHost.Tests.Http;

/// <summary>
/// The agent host's HTTP edges on real sockets: Kestrel's refusals (413 oversized, 408 trickled) as problem
/// details on every body-taking endpoint, and HEAD wherever GET works, /chat included without running a turn.
/// </summary>
public sealed class HttpEdgeTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>64 MiB: over Kestrel's 30 MB default and any per-endpoint limit, and never actually sent.</summary>
    private const long Oversized = 64L * 1024 * 1024;

    private static readonly string[] McpHeaders = ["Content-Type: application/json", "Accept: application/json, text/event-stream"];
    private KestrelOnFreePort<AgentHost.Tools.TicketToolCatalogue> _host = null!;

    public Task InitializeAsync()
    {
        _host = new(new AgentHostFactory { OverLoopback = true });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string[]> BodyEndpoints => new()
    {
        { "/api/tickets/", ["Content-Type: application/json"] },
        { "/chat", ["Content-Type: application/json", "Accept: text/event-stream"] },
        { "/mcp", McpHeaders },
    };

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task A_body_announced_over_the_limit_gets_413_problem_details(string path, string[] headers)
    {
        var response = await RawHttp.SendAsync(_host.Address, "POST", path, [.. headers, $"Content-Length: {Oversized}"], "{\"message\":"u8.ToArray(), Deadline);

        AssertProblem(response, 413);
        AssertNothingLoggedAsAnError(_host.Logs);
    }

    [Theory]
    [MemberData(nameof(BodyEndpoints))]
    public async Task A_trickled_body_gets_408_problem_details_within_seconds_and_no_stack_trace(string path, string[] headers)
    {
        var response = await RawHttp.TrickleAsync(_host.Address, "POST", path, headers, 1000, Deadline);

        AssertProblem(response, 408);
        Assert.True(response.Elapsed < TimeSpan.FromSeconds(15), $"answered after {response.Elapsed}");
        AssertNothingLoggedAsAnError(_host.Logs);
    }

    [Theory]
    [InlineData("/api/tickets/")]
    [InlineData("/api/tickets/1/")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task Head_answers_with_the_status_and_headers_of_get_and_no_body(string path)
    {
        await CreateTicketAsync("Head check");

        var head = await HeadChecks.AssertHeadMatchesGetAsync(_host.Address, path);

        Assert.Equal(200, head.Status);
    }

    [Fact]
    public async Task Head_chat_sends_the_event_stream_headers_of_get_and_runs_no_turn()
    {
        var head = await RawHttp.SendAsync(_host.Address, "HEAD", "/chat?message=new%20ticket:%20VPN%20drops%20every%20hour", [], [], Deadline);
        var get = await RawHttp.SendAsync(_host.Address, "GET", "/chat?message=list%20tickets", [], [], Deadline);

        Assert.Equal(200, head.Status);
        Assert.Equal("", head.Body);
        foreach (var name in new[] { "Content-Type", "Cache-Control", "X-Accel-Buffering" })
        {
            Assert.Equal(get.Header(name), head.Header(name));
        }
        Assert.Contains("event: end", get.Body, StringComparison.Ordinal);
        // The message asked for a ticket: a turn would have created one.
        var page = await _host.Client.GetFromJsonAsync<JsonObject>(new Uri("/api/tickets/", UriKind.Relative));
        Assert.Equal(0, (int)page!["count"]!);
    }

    [Theory]
    [InlineData("/chat")]
    [InlineData("/chat?message=%20")]
    [InlineData("/chat?message=hi&session_id=not%20valid!")]
    public async Task Head_chat_refuses_what_get_refuses_with_the_same_status_and_headers(string path)
    {
        var head = await HeadChecks.AssertHeadMatchesGetAsync(_host.Address, path);

        Assert.Equal(400, head.Status);
        Assert.StartsWith("application/problem+json", head.Header("Content-Type"), StringComparison.Ordinal);
    }

    private async Task CreateTicketAsync(string title)
    {
        using var response = await _host.Client.PostAsJsonAsync(new Uri("/api/tickets/", UriKind.Relative), new { title });
        response.EnsureSuccessStatusCode();
    }
}
