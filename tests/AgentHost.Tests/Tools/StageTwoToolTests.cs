using System.Text.Json;
using AgentHost.Chat;
using AgentHost.Tests.Support;
using AgentHost.Tickets;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Contracts;
using static AgentHost.Tests.Support.ScriptedChatClient;

namespace AgentHost.Tests.Tools;

/// <summary>
/// The stage-2 tools on the chat face (docs/tools.md): the thread tools, triage_ticket and the new create/update
/// fields, against the real ticket service embedded in the host on a fresh SQLite file, called as a model
/// calls them; and once through the chat tool loop. The MCP face runs the same tools in TicketToolScenario.
/// </summary>
public sealed class StageTwoToolTests : IAsyncLifetime
{
    private readonly AgentHostFactory _factory = new();
    private TicketToolCatalogue _catalogue = null!;

    public Task InitializeAsync()
    {
        _ = _factory.Server;
        _catalogue = _factory.Services.GetRequiredService<TicketToolCatalogue>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<TicketToolResult> CallAsync(string tool, string argumentsJson)
    {
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(argumentsJson)!;
        var result = await _catalogue.Find(tool)!.Function.InvokeAsync(new AIFunctionArguments(arguments));
        return Assert.IsType<TicketToolResult>(result);
    }

    private async Task<TicketDto> CreateAsync(string title = "VPN drops every hour", string description = "Since Monday.")
    {
        var created = await CallAsync("create_ticket", JsonSerializer.Serialize(new { title, description }));
        Assert.True(created.Ok, created.Summary);
        return Assert.IsType<TicketDto>(created.Data);
    }

    [Fact]
    public async Task Create_ticket_keeps_a_given_priority_and_category_as_a_persons_and_records_the_requester()
    {
        var created = await CallAsync("create_ticket",
            """{"title":"Printer jams","priority":"high","category":"HARDWARE","requester_name":"Dana","requester_email":"dana@example.com"}""");

        var ticket = Assert.IsType<TicketDto>(created.Data);
        Assert.True(created.Ok, created.Summary);
        Assert.Equal(("HIGH", "HARDWARE"), (ticket.Priority, ticket.Category));
        Assert.Equal("human", ticket.Triage!.Priority.Source);
        Assert.Equal(("Dana", "dana@example.com"), (ticket.RequesterName, ticket.RequesterEmail));
        Assert.Equal($"Created ticket #{ticket.Id} 'Printer jams' (OPEN).", created.Summary);
    }

    [Theory]
    [InlineData("priority", "\"urgent\"", "URGENT")]
    [InlineData("category", "\"BILLING\"", "BILLING")]
    [InlineData("requester_name", "\" Dana Whitfield \"", "Dana Whitfield")]
    [InlineData("requester_email", "\"dana@example.com\"", "dana@example.com")]
    public async Task Update_ticket_changes_each_new_field_and_names_it(string field, string json, string expected)
    {
        var ticket = await CreateAsync();

        var updated = await CallAsync("update_ticket", $$"""{"id": {{ticket.Id}}, "{{field}}": {{json}}}""");

        Assert.True(updated.Ok, updated.Summary);
        var after = JsonSerializer.SerializeToElement(updated.Data, TicketJsonContext.Default.TicketDto);
        Assert.Equal(expected, after.GetProperty(field).GetString());
        Assert.StartsWith($"Updated the {field.Replace('_', ' ')} of ticket #{ticket.Id}", updated.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"priority":"NOW"}""", "Invalid arguments for update_ticket: priority must be one of LOW, NORMAL, HIGH, URGENT, not 'NOW'.")]
    [InlineData("""{"category":"PRINTERS"}""", "Invalid arguments for update_ticket: category must be one of ACCOUNT, NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING, OTHER, not 'PRINTERS'.")]
    [InlineData("""{"requester_email":"dana"}""", "One or more fields have values a ticket cannot take. requester_email: 'dana' is not a valid email address, e.g. name@example.com.")]
    [InlineData("""{}""", "give at least one of title, description, priority, category, requester_name, requester_email.")]
    public async Task Update_ticket_refuses_bad_values_naming_what_is_allowed(string fields, string message)
    {
        var ticket = await CreateAsync();
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(fields)!;
        arguments["id"] = ticket.Id;

        var refused = await CallAsync("update_ticket", JsonSerializer.Serialize(arguments));

        Assert.False(refused.Ok);
        Assert.EndsWith(message, refused.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_ticket_triages_again_keeping_a_persons_priority_and_a_missing_ticket_is_a_readable_404()
    {
        var ticket = await CreateAsync("Ransomware on the file server", "Every share shows encrypted files.");
        await CallAsync("update_ticket", $$"""{"id": {{ticket.Id}}, "priority": "LOW"}""");

        var triaged = await CallAsync("triage_ticket", $$"""{"id": {{ticket.Id}}}""");
        var missing = await CallAsync("triage_ticket", """{"id": 4242}""");

        Assert.True(triaged.Ok, triaged.Summary);
        Assert.Equal("LOW", Assert.IsType<TicketDto>(triaged.Data).Priority);
        Assert.StartsWith($"Triaged ticket #{ticket.Id} 'Ransomware on the file server': priority LOW, category SOFTWARE", triaged.Summary, StringComparison.Ordinal);
        Assert.EndsWith("Kept as a person set it: priority.", triaged.Summary, StringComparison.Ordinal);
        Assert.Equal("Ticket with id '4242' was not found.", missing.Summary);
    }

    [Fact]
    public async Task Add_message_on_the_chat_face_records_channel_chat_and_list_messages_reads_the_thread_oldest_first()
    {
        var ticket = await CreateAsync();

        var reply = await CallAsync("add_message", $$"""{"ticket_id": {{ticket.Id}}, "kind": "Reply", "body": "Please restart the VPN client."}""");
        var note = await CallAsync("add_message", $$"""{"ticket_id": {{ticket.Id}}, "kind": "note", "body": "Waiting on the vendor."}""");
        var thread = await CallAsync("list_messages", $$"""{"ticket_id": {{ticket.Id}}}""");

        Assert.True(reply.Ok, reply.Summary);
        var message = Assert.IsType<TicketMessageDto>(reply.Data);
        Assert.Equal(("reply", "chat"), (message.Kind, message.Channel));
        Assert.Equal($"Added a reply to ticket #{ticket.Id} (message {message.Id}).", reply.Summary);
        Assert.Contains("the requester does not see it", note.Summary, StringComparison.Ordinal);
        var data = Assert.IsType<TicketThreadData>(thread.Data);
        Assert.Equal(["reply", "note"], data.Messages.Select(m => m.Kind));
        Assert.StartsWith($"Ticket #{ticket.Id} has 2 messages, oldest first:\n- reply, ", thread.Summary, StringComparison.Ordinal);
        Assert.EndsWith("UTC: Waiting on the vendor.", thread.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_message_in_the_chat_reopens_a_resolved_ticket_and_is_refused_on_a_closed_one()
    {
        var ticket = await CreateAsync();
        await CallAsync("set_ticket_status", $$"""{"id": {{ticket.Id}}, "status": "RESOLVED"}""");

        var reopening = await CallAsync("add_message", $$"""{"ticket_id": {{ticket.Id}}, "kind": "customer", "body": "It dropped again."}""");
        var status = Assert.IsType<TicketDto>((await CallAsync("get_ticket", $$"""{"id": {{ticket.Id}}}""")).Data).ResolutionStatus;
        await CallAsync("set_ticket_status", $$"""{"id": {{ticket.Id}}, "status": "RESOLVED"}""");
        await CallAsync("set_ticket_status", $$"""{"id": {{ticket.Id}}, "status": "CLOSED"}""");
        var refused = await CallAsync("add_message", $$"""{"ticket_id": {{ticket.Id}}, "kind": "customer", "body": "Hello?"}""");

        Assert.True(reopening.Ok, reopening.Summary);
        Assert.Equal(TicketStatus.Open, status);
        Assert.False(refused.Ok);
        Assert.Equal($"Ticket {ticket.Id} is closed; open a new ticket.", refused.Summary);
    }

    [Theory]
    [InlineData("add_message", """{"ticket_id": 1, "kind": "email", "body": "x"}""", "Invalid arguments for add_message: kind must be one of reply, note, customer, not 'email'.")]
    [InlineData("add_message", """{"ticket_id": 1, "kind": "note"}""", "Invalid arguments for add_message: body is required.")]
    [InlineData("add_message", """{"ticket_id": 1, "kind": "note", "body": "   "}""", "One or more fields have values a message cannot take. body: This field may not be blank.")]
    [InlineData("add_message", """{"ticket_id": 4242, "kind": "note", "body": "x"}""", "Ticket with id '4242' was not found.")]
    [InlineData("list_messages", """{"ticket_id": 4242}""", "Ticket with id '4242' was not found.")]
    [InlineData("list_messages", """{"ticket_id": 1, "page": 0}""", "page must be a whole number from 1, not 0.")]
    [InlineData("list_messages", """{"ticket_id": 1, "page": 2}""", "Invalid page. Page 2 is past the last page of results.")]
    public async Task Thread_tools_refuse_bad_calls_in_plain_words(string tool, string arguments, string summary)
    {
        await CreateAsync();

        var refused = await CallAsync(tool, arguments);

        Assert.False(refused.Ok);
        Assert.Equal(summary, refused.Summary);
    }

    [Fact]
    public async Task The_chat_tool_loop_adds_a_message_for_the_requester_and_reads_it_back()
    {
        var ticket = await CreateAsync();
        var model = new ScriptedChatClient(
            _ => [Calls(new FunctionCallContent("c1", "add_message", new Dictionary<string, object?> { ["ticket_id"] = ticket.Id, ["kind"] = "customer", ["body"] = "It started after the update." }))],
            _ => [Calls(new FunctionCallContent("c2", "list_messages", new Dictionary<string, object?> { ["ticket_id"] = ticket.Id }))],
            _ => [Text("Noted on your ticket.")]);
        using var loop = new ToolInvokingChatClient(model);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in loop.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "it started after the update")], new ChatOptions { Tools = [.. _catalogue.Functions] }))
        {
            updates.Add(update);
        }

        var reports = updates.SelectMany(u => u.Contents.OfType<ToolCallReport>()).ToList();
        Assert.Equal(["add_message", "list_messages"], reports.Select(r => r.Name));
        Assert.All(reports, r => Assert.True(r.Succeeded, r.Summary));
        Assert.Contains("- customer, ", reports[1].Summary, StringComparison.Ordinal);
        var thread = await _factory.Services.GetRequiredService<ITicketService>().ListMessagesAsync(ticket.Id, 1, 20, default);
        Assert.Equal(("customer", "chat", "It started after the update."), (thread.Value!.Results[0].Kind, thread.Value.Results[0].Channel, thread.Value.Results[0].Body));
    }
}
