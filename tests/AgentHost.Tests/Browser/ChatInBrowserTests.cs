using System.Net.Http.Json;
using System.Text.Json;
using AgentHost.Chat;
using AgentHost.Endpoints;
using AgentHost.Tests.Support;
using BrowserSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.Tests.Browser;

/// <summary>
/// /chat as a real headless Chromium uses it (docs/chat-sse.md): EventSource reconnects do not replay turns,
/// and pages of other origins cannot create tickets through EventSource, fetch or an iframe.
/// </summary>
public sealed class ChatInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>Opens an EventSource and resolves with what it saw once the browser has closed it for good.</summary>
    private const string RunEventSource = """
        url => new Promise(resolve => {
          const log = [];
          const source = new EventSource(url);
          source.onopen = () => log.push('open');
          source.addEventListener('token', () => log.push('token'));
          source.addEventListener('end', e => log.push('end ' + e.lastEventId));
          source.addEventListener('error', e => {
            // An application error frame carries JSON data; the browser's own connection error has none.
            if (e.data !== undefined) { log.push('app-error ' + JSON.parse(e.data).message); return; }
            log.push('connection-error ' + source.readyState);
            if (source.readyState === EventSource.CLOSED) resolve(log);
          });
        })
        """;

    private static AgentHostFactory Host(Dictionary<string, string>? environment = null, Microsoft.Extensions.AI.IChatClient? provider = null) =>
        new AgentHostFactory
        {
            OverLoopback = true,
            Provider = provider,
            Environment = environment ?? [],
            // Short, so that the browser's reconnect comes quickly; the production default is 5 s.
            ConfigureServices = services => services.Configure<ChatStreamOptions>(o => o.RetryInterval = TimeSpan.FromMilliseconds(150)),
        }.Started();

    private static async Task<int> TicketCountAsync(AgentHostFactory host) =>
        (await host.CreateClient().GetFromJsonAsync<JsonElement>("/api/tickets/")).GetProperty("count").GetInt32();

    [Fact]
    public async Task An_EventSource_left_open_creates_the_ticket_once_and_ends_closed_after_the_204()
    {
        await using var host = Host();
        var page = await chromium.NewPageAsync();
        var origin = host.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);
        await page.GotoAsync(origin + "/health");

        var log = await page.EvaluateAsync<string[]>(RunEventSource, origin + "/chat?message=" + Uri.EscapeDataString("create a ticket about VPN drops"))
            .WaitAsync(Deadline);

        Assert.Equal(1, await TicketCountAsync(host));
        Assert.Single(log, entry => entry == "open");
        Assert.Single(log, entry => entry.StartsWith("end ", StringComparison.Ordinal));
        // The stream ended, the browser reconnected with Last-Event-ID, got 204 and closed for good (readyState 2).
        Assert.Equal(["connection-error 0", "connection-error 2"], log.SkipWhile(e => !e.StartsWith("end", StringComparison.Ordinal)).Skip(1));
    }

    [Fact]
    public async Task A_failing_turn_is_not_rerun_by_EventSource_and_its_error_frame_is_told_apart_from_connection_errors()
    {
        var model = new ScriptedChatClient(_ => throw new ChatProviderException("The model is unavailable.")) { RepeatLastStep = true };
        await using var host = Host(provider: model);
        var page = await chromium.NewPageAsync();
        var origin = host.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);
        await page.GotoAsync(origin + "/health");

        var log = await page.EvaluateAsync<string[]>(RunEventSource, origin + "/chat?message=hi").WaitAsync(Deadline);

        Assert.Equal(["open", "app-error The model is unavailable.", "connection-error 0", "connection-error 2"], log);
        Assert.Equal(1, model.CallCount);
    }

    [Fact]
    public async Task A_page_of_another_origin_cannot_create_tickets_through_EventSource_fetch_or_an_iframe()
    {
        await using var pages = await PageServer.StartAsync();
        await using var host = Host();
        var chat = host.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority) + "/chat";
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(pages.OriginOf("evil") + "/");

        var attempts = await page.EvaluateAsync<JsonElement>("""
            async chat => {
              const ask = what => chat + '?message=' + encodeURIComponent('create a ticket about ' + what);
              const result = {};
              result.eventSource = await new Promise(resolve => {
                const source = new EventSource(ask('event source'));
                source.addEventListener('end', () => resolve('ended'));
                source.onerror = () => { if (source.readyState === EventSource.CLOSED) resolve('closed'); };
              });
              try {
                const response = await fetch(chat, { method: 'POST', headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ message: 'create a ticket about fetch' }) });
                result.fetch = 'read ' + response.status;
              } catch { result.fetch = 'blocked'; }
              try {
                await fetch(chat, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' },
                  body: JSON.stringify({ message: 'create a ticket about no-cors' }) });
                result.noCors = 'sent';
              } catch { result.noCors = 'blocked'; }
              result.iframe = await new Promise(resolve => {
                const frame = document.createElement('iframe');
                frame.onload = () => resolve('loaded');
                frame.src = ask('iframe');
                document.body.appendChild(frame);
              });
              return result;
            }
            """, chat).WaitAsync(Deadline);

        Assert.Equal("closed", attempts.GetProperty("eventSource").GetString());
        Assert.Equal("blocked", attempts.GetProperty("fetch").GetString()); // the preflight got no CORS permission
        Assert.Equal(0, await TicketCountAsync(host));
    }

    [Fact]
    public async Task A_configured_origin_passes_the_preflight_creates_a_ticket_and_reads_the_stream()
    {
        await using var pages = await PageServer.StartAsync();
        await using var host = Host(new() { ["CORS_ALLOWED_ORIGINS"] = pages.OriginOf("desk") });
        var chat = host.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority) + "/chat";
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(pages.OriginOf("desk") + "/");

        var body = await page.EvaluateAsync<string>("""
            async chat => {
              const response = await fetch(chat, { method: 'POST',
                headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'desk-1' },
                body: JSON.stringify({ message: 'create a ticket about the desk printer' }) });
              return response.status + '\n' + await response.text();
            }
            """, chat).WaitAsync(Deadline);

        Assert.StartsWith("200\n", body, StringComparison.Ordinal);
        Assert.Contains("event: end", body, StringComparison.Ordinal);
        Assert.Equal(1, await TicketCountAsync(host));
    }
}

public sealed class ChromiumFixtureTests
{
    [Fact]
    public void A_missing_chromium_fails_with_a_message_that_says_how_to_install_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ChromiumFixture.FindExecutable("/no/such/chromium"));

        Assert.Contains("/no/such/chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains("tests/run.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains(ChromiumFixture.PathVariable, error.Message, StringComparison.Ordinal);
    }
}
