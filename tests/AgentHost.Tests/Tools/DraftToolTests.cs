using AgentHost.Tests.Support;
using AgentHost.Tickets;
using AgentHost.Tools;
using AgentTickets.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Mail;

namespace AgentHost.Tests.Tools;

/// <summary>
/// draft_reply, get_draft and the MCP-only send_draft on the real catalogue over the in-process service, with a
/// scripted writer and a recording outbox: results, refusals in the tools' words, and mail staged only by
/// send_draft (docs/tools.md, "Drafts").
/// </summary>
public sealed class DraftToolTests : IAsyncLifetime
{
    private readonly RecordingOutbox _outbox = new();
    private readonly AgentHostFactory _factory;

    public DraftToolTests() => _factory = new AgentHostFactory
    {
        ConfigureServices = services =>
        {
            services.AddSingleton<TicketApi.Drafts.IDraftWriter>(new ScriptedDraftWriter());
            services.AddSingleton<IOutbox>(_outbox);
        },
    };

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private Task<TicketToolResult> CallAsync(string tool, string json) => TicketClientHarness.CallToolAsync(_factory.Services, tool, json);

    private async Task<TicketToolResult> SendAsync(string json)
    {
        var arguments = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;
        var send = _factory.Services.GetRequiredService<TicketToolCatalogue>().McpTools.Single(t => t.Name == TicketToolCatalogue.SendDraft);
        return Assert.IsType<TicketToolResult>(await send.Function.InvokeAsync(new AIFunctionArguments(arguments)));
    }

    private async Task<long> CreateTicketAsync()
    {
        var created = await _factory.Services.GetRequiredService<ITicketService>().CreateAsync("VPN drops every hour", "Since Monday.", default);
        return created.Value!.Id;
    }

    [Fact]
    public async Task Draft_reply_drafts_and_refines_and_says_nothing_was_sent()
    {
        var id = await CreateTicketAsync();

        var fresh = await CallAsync("draft_reply", $$"""{"id": {{id}}}""");
        var refined = await CallAsync("draft_reply", $$"""{"id": {{id}}, "instruction": "shorter, and in Klingon"}""");

        Assert.True(fresh.Ok, fresh.Summary);
        Assert.Equal($"Drafted a reply for ticket #{id}: version 1, meant to solve the problem. Nothing was sent; it waits for a person's approval.", fresh.Summary);
        var view = Assert.IsType<DraftView>(refined.Data);
        Assert.Equal(2, view.Version);
        Assert.Contains("Not everything could be applied: Klingon is not a language this writer knows.", refined.Summary, StringComparison.Ordinal);
        Assert.Equal("Likely cause: a stale client.\nFix: reinstall 5.2.", view.TechInstructionsStaffOnly);
        Assert.Empty(_outbox.Replies);
    }

    [Fact]
    public async Task Get_draft_shows_the_current_draft_and_a_ticket_without_one_is_a_readable_refusal()
    {
        var id = await CreateTicketAsync();

        var none = await CallAsync("get_draft", $$"""{"id": {{id}}}""");
        await CallAsync("draft_reply", $$"""{"id": {{id}}}""");
        var current = await CallAsync("get_draft", $$"""{"id": {{id}}}""");

        Assert.False(none.Ok);
        Assert.Contains($"Ticket {id} has no current draft", none.Summary, StringComparison.Ordinal);
        Assert.True(current.Ok, current.Summary);
        Assert.Equal(1, Assert.IsType<DraftView>(current.Data).Version);
    }

    [Fact]
    public async Task Send_draft_sends_once_resolves_when_asked_and_a_second_send_is_refused()
    {
        var id = await CreateTicketAsync();
        await CallAsync("draft_reply", $$"""{"id": {{id}}}""");

        var sent = await SendAsync($$"""{"id": {{id}}, "resolve": "true"}""");
        var again = await SendAsync($$"""{"id": {{id}}}""");
        var ticket = await _factory.Services.GetRequiredService<ITicketService>().GetAsync(id, default);

        Assert.True(sent.Ok, sent.Summary);
        Assert.EndsWith("queued for the requester; the ticket is RESOLVED.", sent.Summary, StringComparison.Ordinal);
        Assert.False(again.Ok);
        Assert.Contains("has no current draft to send", again.Summary, StringComparison.Ordinal);
        Assert.Equal(TicketApi.Contracts.TicketStatus.Resolved, ticket.Value!.ResolutionStatus);
        Assert.Single(_outbox.Replies);
    }

    [Theory]
    [InlineData("""{"id": 1, "resolve": "maybe"}""", "Invalid arguments for send_draft: resolve must be true or false, not 'maybe'.")]
    [InlineData("""{"resolve": true}""", "Invalid arguments for send_draft: id is required.")]
    public async Task Bad_send_arguments_are_refused_in_the_tools_words_and_send_nothing(string json, string expected)
    {
        var result = await SendAsync(json);

        Assert.False(result.Ok);
        Assert.Equal(ToolFailure.InvalidArguments, result.FailureKind);
        Assert.Equal(expected, result.Summary);
        Assert.Empty(_outbox.Replies);
    }
}
