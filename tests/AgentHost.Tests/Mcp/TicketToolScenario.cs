using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// Every ticket tool called through an MCP client against a real ticket service, including the refusals an
/// assistant must be able to read: the same script runs over the pipe, stdio and HTTP.
/// </summary>
internal static class TicketToolScenario
{
    public static async Task CallEveryToolAsync(McpClient client)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var title = $"VPN drops every hour {unique}";

        // create_ticket
        var created = await SucceedAsync(client, "create_ticket", new() { ["title"] = title, ["description"] = "Since Monday the VPN disconnects on the hour." });
        var id = created.GetProperty("data").GetProperty("id").GetInt64();
        Assert.Equal("OPEN", created.GetProperty("data").GetProperty("resolution_status").GetString());

        // get_ticket
        var fetched = await SucceedAsync(client, "get_ticket", new() { ["id"] = id });
        Assert.Equal(title, fetched.GetProperty("data").GetProperty("title").GetString());

        // list_tickets with search, and with no arguments at all
        var found = await SucceedAsync(client, "list_tickets", new() { ["search"] = unique });
        Assert.Equal(1, found.GetProperty("data").GetProperty("count").GetInt64());
        var newest = await SucceedAsync(client, "list_tickets", new());
        Assert.Contains(newest.GetProperty("data").GetProperty("tickets").EnumerateArray(), t => t.GetProperty("id").GetInt64() == id);

        // count_tickets, by status and overall
        var openCount = await SucceedAsync(client, "count_tickets", new() { ["resolution_status"] = "OPEN", ["search"] = unique });
        Assert.Equal(1, openCount.GetProperty("data").GetProperty("count").GetInt64());
        var breakdown = await SucceedAsync(client, "count_tickets", new());
        Assert.True(breakdown.GetProperty("data").GetProperty("by_status").GetProperty("OPEN").GetInt64() >= 1);

        // update_ticket
        var renamed = $"VPN drops hourly on floor 3 {unique}";
        var updated = await SucceedAsync(client, "update_ticket", new() { ["id"] = id, ["title"] = renamed });
        Assert.Equal(renamed, updated.GetProperty("data").GetProperty("title").GetString());

        // update_ticket's stage-2 fields: a person's priority and category, the requester; a bad label names the allowed ones
        var labelled = await SucceedAsync(client, "update_ticket", new()
        {
            ["id"] = id, ["priority"] = "urgent", ["category"] = "hardware", ["requester_name"] = "Dana", ["requester_email"] = "dana@example.com",
        });
        Assert.Equal("URGENT", labelled.GetProperty("data").GetProperty("priority").GetString());
        Assert.Equal("human", labelled.GetProperty("data").GetProperty("triage").GetProperty("priority").GetProperty("source").GetString());
        Assert.Equal("dana@example.com", labelled.GetProperty("data").GetProperty("requester_email").GetString());
        var badPriority = await FailAsync(client, "update_ticket", new() { ["id"] = id, ["priority"] = "NOW" });
        Assert.Contains("priority must be one of LOW, NORMAL, HIGH, URGENT, not 'NOW'", badPriority, StringComparison.Ordinal);
        var badEmail = await FailAsync(client, "update_ticket", new() { ["id"] = id, ["requester_email"] = "dana" });
        Assert.Contains("'dana' is not a valid email address", badEmail, StringComparison.Ordinal);

        // triage_ticket keeps what a person set
        var triaged = await SucceedAsync(client, "triage_ticket", new() { ["id"] = id });
        Assert.Equal("URGENT", triaged.GetProperty("data").GetProperty("priority").GetString());
        Assert.Contains("Kept as a person set it: priority and category", triaged.GetProperty("summary").GetString(), StringComparison.Ordinal);

        // the thread: empty, then a reply and a note recorded as coming from MCP; a customer message is refused over MCP
        var empty = await SucceedAsync(client, "list_messages", new() { ["ticket_id"] = id });
        Assert.Equal(0, empty.GetProperty("data").GetProperty("count").GetInt64());
        var reply = await SucceedAsync(client, "add_message", new() { ["ticket_id"] = id, ["kind"] = "reply", ["body"] = "  Please restart the VPN client.  " });
        Assert.Equal("mcp", reply.GetProperty("data").GetProperty("channel").GetString());
        Assert.Equal("Please restart the VPN client.", reply.GetProperty("data").GetProperty("body").GetString());
        await SucceedAsync(client, "add_message", new() { ["ticket_id"] = id, ["kind"] = "note", ["body"] = "Waiting on the vendor." });
        var customer = await FailAsync(client, "add_message", new() { ["ticket_id"] = id, ["kind"] = "customer", ["body"] = "It works now." });
        Assert.Contains("only the chat acting for the requester", customer, StringComparison.Ordinal);
        var badKind = await FailAsync(client, "add_message", new() { ["ticket_id"] = id, ["kind"] = "email", ["body"] = "x" });
        Assert.Contains("kind must be one of reply, note, customer", badKind, StringComparison.Ordinal);
        var thread = await SucceedAsync(client, "list_messages", new() { ["ticket_id"] = id });
        Assert.Equal(["reply", "note"], thread.GetProperty("data").GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
        var missingThread = await FailAsync(client, "list_messages", new() { ["ticket_id"] = id + 1000 });
        Assert.Contains($"Ticket with id '{id + 1000}' was not found.", missingThread, StringComparison.Ordinal);

        // set_ticket_status through the lifecycle, and a refused transition that says what is allowed
        var early = await FailAsync(client, "set_ticket_status", new() { ["id"] = id, ["status"] = "CLOSED" });
        Assert.Contains("RESOLVED", early, StringComparison.Ordinal);
        await SucceedAsync(client, "set_ticket_status", new() { ["id"] = id, ["status"] = "RESOLVED" });
        var closed = await SucceedAsync(client, "set_ticket_status", new() { ["id"] = id, ["status"] = "CLOSED" });
        Assert.Equal("CLOSED", closed.GetProperty("data").GetProperty("resolution_status").GetString());
        var final = await FailAsync(client, "set_ticket_status", new() { ["id"] = id, ["status"] = "OPEN" });
        Assert.Contains("CLOSED", final, StringComparison.Ordinal);

        // delete_ticket asks for confirmation: a wrong title deletes nothing
        var refused = await FailAsync(client, "delete_ticket", new() { ["id"] = id, ["confirm_title"] = title });
        Assert.Contains("Not deleted", refused, StringComparison.Ordinal);
        await SucceedAsync(client, "get_ticket", new() { ["id"] = id });
        await SucceedAsync(client, "delete_ticket", new() { ["id"] = id, ["confirm_title"] = renamed });

        // 404 is an error result an assistant can read
        var missing = await FailAsync(client, "get_ticket", new() { ["id"] = id });
        Assert.Contains($"Ticket with id '{id}' was not found.", missing, StringComparison.Ordinal);

        // validation: the service's field error comes back as the message
        var invalid = await FailAsync(client, "create_ticket", new() { ["title"] = "   " });
        Assert.Contains("title", invalid, StringComparison.OrdinalIgnoreCase);

        // create_ticket with the stage-2 fields: a person's priority and category are kept, the requester recorded
        var labelledCreate = await SucceedAsync(client, "create_ticket", new()
        {
            ["title"] = $"Invoice copy {unique}x", ["priority"] = "low", ["category"] = "BILLING", ["requester_name"] = "Dana", ["requester_email"] = "dana@example.com",
        });
        var labelledData = labelledCreate.GetProperty("data");
        Assert.Equal(("LOW", "BILLING"), (labelledData.GetProperty("priority").GetString(), labelledData.GetProperty("category").GetString()));
        Assert.Equal("human", labelledData.GetProperty("triage").GetProperty("category").GetProperty("source").GetString());
        Assert.Equal("Dana", labelledData.GetProperty("requester_name").GetString());
        var badCategory = await FailAsync(client, "create_ticket", new() { ["title"] = "x", ["category"] = "PRINTERS" });
        Assert.Contains("category must be one of ACCOUNT, NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING, OTHER, not 'PRINTERS'", badCategory, StringComparison.Ordinal);

        await CallKnowledgeBaseToolsAsync(client);
    }

    /// <summary>search_articles and get_article on the starter articles the service loaded.</summary>
    private static async Task CallKnowledgeBaseToolsAsync(McpClient client)
    {
        var search = await SucceedAsync(client, "search_articles", new() { ["query"] = "vpn keeps dropping", ["category"] = "network" });
        var best = search.GetProperty("data").GetProperty("articles")[0];
        Assert.Equal("vpn-drops", best.GetProperty("slug").GetString());

        var article = await SucceedAsync(client, "get_article", new() { ["id"] = best.GetProperty("id").GetInt64() });
        Assert.StartsWith("## Steps", article.GetProperty("data").GetProperty("customer_safe_steps").GetString(), StringComparison.Ordinal);
        Assert.Contains("GlobalProtect", article.GetProperty("data").GetProperty("internal_notes_staff_only").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("GlobalProtect client logs", article.GetProperty("summary").GetString(), StringComparison.Ordinal);

        var missing = await FailAsync(client, "get_article", new() { ["id"] = 999999 });
        Assert.Contains("Article with id '999999' was not found.", missing, StringComparison.Ordinal);
    }

    /// <summary>Read-only mode against the real catalogue: reads work, writes are refused with a reason.</summary>
    public static async Task ReadOnlyAsync(McpClient client)
    {
        var tools = await client.ListToolsAsync();
        Assert.Equal(["count_tickets", "get_article", "get_draft", "get_ticket", "list_messages", "list_tickets", "search_articles"], tools.Select(t => t.Name).Order());
        await SucceedAsync(client, "list_tickets", new());
        await SucceedAsync(client, "search_articles", new() { ["query"] = "printer" });
        foreach (var write in new[] { "create_ticket", "update_ticket", "set_ticket_status", "delete_ticket", "triage_ticket", "add_message", "draft_reply", "send_draft" })
        {
            var message = await FailAsync(client, write, new() { ["id"] = 1, ["title"] = "x" });
            Assert.Contains("read-only mode", message, StringComparison.Ordinal);
        }

        var listed = await SucceedAsync(client, "count_tickets", new());
        Assert.Equal(0, listed.GetProperty("data").GetProperty("count").GetInt64());
    }

    private static async Task<JsonElement> SucceedAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments);
        var text = McpClientContractTests.Text(result);
        Assert.True(result.IsError is null or false, $"{tool} failed: {text}");
        var json = JsonDocument.Parse(text).RootElement.Clone();
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("summary").GetString()));
        return json;
    }

    private static async Task<string> FailAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        CallToolResult result = await client.CallToolAsync(tool, arguments);
        var text = McpClientContractTests.Text(result);
        Assert.True(result.IsError, $"{tool} should have been an error result but returned: {text}");
        Assert.False(text.StartsWith('{'), $"An error result should be readable text, not JSON: {text}");
        return text;
    }
}
