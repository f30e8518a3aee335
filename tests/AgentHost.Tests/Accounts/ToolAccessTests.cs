using AgentHost.Tests.Mcp;
using AgentHost.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using TicketApi.Accounts;

namespace AgentHost.Tests.Accounts;

/// <summary>Which tools each person is offered (docs/tools.md, "Who is offered which tools"), in the catalogue and over MCP.</summary>
public sealed class ToolAccessTests
{
    private static readonly Actor Admin = new("a1", "Ada", "ada@example.com", ActorRole.Admin, AccessScope.Admin);
    private static readonly Actor Agent = new("a2", "Sam", "sam@example.com", ActorRole.Agent, AccessScope.Admin);
    private static readonly Actor Requester = new("r1", "Dana", "dana@example.com", ActorRole.Requester, AccessScope.Admin);

    private static IReadOnlyList<TicketToolDefinition> Catalogue()
    {
        using var factory = new Support.AgentHostFactory();
        return factory.Services.GetRequiredService<TicketToolCatalogue>().McpTools;
    }

    private static string[] Names(Actor actor, IReadOnlyList<TicketToolDefinition> tools) => [.. ToolAccess.For(actor, tools).Select(t => t.Name)];

    [Fact]
    public void Staff_are_offered_every_tool_and_a_requester_only_those_that_file_and_follow_their_own_tickets()
    {
        var tools = Catalogue();

        Assert.Equal(tools.Select(t => t.Name), Names(Admin, tools));
        Assert.Equal(tools.Select(t => t.Name), Names(Agent, tools));
        Assert.Equal(
            ["list_tickets", "get_ticket", "create_ticket", "count_tickets", "list_messages", "add_message", "search_articles", "get_article"],
            Names(Requester, tools));
    }

    [Fact]
    public void A_read_scope_credential_is_offered_only_read_only_tools_whatever_its_owners_role()
    {
        var tools = Catalogue();

        Assert.Equal(tools.Where(t => t.ReadOnly).Select(t => t.Name), Names(Agent with { Scope = AccessScope.Read }, tools));
        Assert.Equal(["list_tickets", "get_ticket", "count_tickets", "list_messages", "search_articles", "get_article"],
            Names(Requester with { Scope = AccessScope.Read }, tools));
    }

    [Fact]
    public void Nobody_signed_in_is_offered_no_tool()
    {
        Assert.Empty(Names(Actor.Anonymous, Catalogue()));
    }

    [Fact]
    public async Task A_requesters_mcp_session_lists_their_tools_and_reads_only_their_own_tickets()
    {
        await using var host = await SignedInHost.StartAsync();
        var own = await host.FileAsync("VPN drops every hour", SignedInHost.RequesterEmail);
        var other = await host.FileAsync("Lee's printer jams", "lee@example.com");
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(host.Requester.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            host.Requester, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, ownsHttpClient: false);
        await using var client = await McpClient.CreateAsync(transport, HttpConnect.ClientOptions(null));

        var listed = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        var hidden = await client.CallToolAsync("get_ticket", new Dictionary<string, object?> { ["id"] = other });
        var mine = await client.CallToolAsync("list_tickets", new Dictionary<string, object?>());
        var customer = await client.CallToolAsync("add_message",
            new Dictionary<string, object?> { ["ticket_id"] = own, ["kind"] = "customer", ["body"] = "Still dropping." });
        var note = await client.CallToolAsync("add_message",
            new Dictionary<string, object?> { ["ticket_id"] = own, ["kind"] = "note", ["body"] = "Escalate." });

        Assert.Equal(ToolAccess.RequesterTools.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.True(hidden.IsError);
        Assert.Contains($"Ticket with id '{other}' was not found.", McpClientContractTests.Text(hidden), StringComparison.Ordinal);
        Assert.Contains($"#{own}", McpClientContractTests.Text(mine), StringComparison.Ordinal);
        Assert.DoesNotContain($"#{other}", McpClientContractTests.Text(mine), StringComparison.Ordinal);
        Assert.NotEqual(true, customer.IsError);
        Assert.True(note.IsError);
    }

    [Fact]
    public async Task A_requesters_mcp_resource_of_their_ticket_holds_no_draft_no_note_and_no_triage_record()
    {
        await using var host = await SignedInHost.StartAsync();
        var own = await host.FileAsync("VPN drops every hour", SignedInHost.RequesterEmail);
        var other = await host.FileAsync("Lee's printer jams", "lee@example.com");
        (await host.Agent.PostAsync(new Uri($"/api/tickets/{own}/draft", UriKind.Relative),
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await host.Agent.PostAsync(new Uri($"/api/tickets/{own}/messages/", UriKind.Relative),
            new StringContent("""{"kind":"note","body":"Router on the blocklist."}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(host.Requester.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            host.Requester, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, ownsHttpClient: false);
        await using var client = await McpClient.CreateAsync(transport, HttpConnect.ClientOptions(null));

        var read = await client.ReadResourceAsync($"ticket://{own}");
        var hidden = await Record.ExceptionAsync(async () => await client.ReadResourceAsync($"ticket://{other}"));

        var text = Assert.IsType<ModelContextProtocol.Protocol.TextResourceContents>(Assert.Single(read.Contents)).Text;
        var document = System.Text.Json.JsonDocument.Parse(text).RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, document.GetProperty("draft").ValueKind);
        // The resource leaves null fields out.
        Assert.False(document.GetProperty("ticket").TryGetProperty("triage", out var triage) && triage.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal(0, document.GetProperty("message_count").GetInt64());
        Assert.DoesNotContain("blocklist", text, StringComparison.Ordinal);
        Assert.IsType<ModelContextProtocol.McpProtocolException>(hidden);
    }

    [Fact]
    public async Task An_mcp_session_opened_by_one_person_is_not_found_for_another()
    {
        await using var host = await SignedInHost.StartAsync();
        using var initialize = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        initialize.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using var opened = await host.Requester.SendAsync(initialize);
        var sessionId = opened.Headers.GetValues("Mcp-Session-Id").Single();

        HttpRequestMessage ListTools()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
            {
                Content = new StringContent("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("application/json, text/event-stream");
            request.Headers.Add("Mcp-Session-Id", sessionId);
            request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
            return request;
        }

        using var asAgent = ListTools();
        using var byAgent = await host.Agent.SendAsync(asAgent);
        using var asOwner = ListTools();
        using var byOwner = await host.Requester.SendAsync(asOwner);

        Assert.Equal(System.Net.HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, byAgent.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, byOwner.StatusCode);
    }

    [Fact]
    public async Task A_requesters_mcp_session_is_refused_a_tool_it_was_not_offered()
    {
        await using var host = await SignedInHost.StartAsync();
        var other = await host.FileAsync("Lee's printer jams", "lee@example.com");
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(host.Requester.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            host.Requester, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, ownsHttpClient: false);
        await using var client = await McpClient.CreateAsync(transport, HttpConnect.ClientOptions(null));

        var refused = await Record.ExceptionAsync(async () =>
        {
            var result = await client.CallToolAsync("delete_ticket", new Dictionary<string, object?> { ["id"] = other, ["confirm_title"] = "Lee's printer jams" });
            Assert.True(result.IsError);
        });

        Assert.True(refused is null or ModelContextProtocol.McpException);
        Assert.Contains(other, (await host.AllTicketsAsync()).Keys);
    }
}
