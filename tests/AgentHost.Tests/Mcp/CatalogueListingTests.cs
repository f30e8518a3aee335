namespace AgentHost.Tests.Mcp;

/// <summary>The real catalogue as MCP tools, without a ticket service: what is listed, and how.</summary>
public sealed class CatalogueListingTests
{
    private static readonly string[] ReadTools = ["list_tickets", "get_ticket", "count_tickets", "list_messages", "search_articles", "get_article", "get_draft"];

    [Fact]
    public async Task The_ticket_knowledge_base_and_draft_tools_are_listed_exactly_as_in_the_checked_in_snapshot()
    {
        await using var connection = await PipeMcpConnection.StartWithCatalogueAsync();

        var tools = await connection.Client.ListToolsAsync();

        Assert.Equal(
            ["list_tickets", "get_ticket", "create_ticket", "update_ticket", "set_ticket_status", "delete_ticket", "count_tickets", "triage_ticket", "list_messages", "add_message", "search_articles", "get_article",
             "draft_reply", "get_draft", "assign_ticket", "send_draft"],
            tools.Select(t => t.Name));
        ToolSnapshot.AssertMatches(tools);
    }

    [Fact]
    public async Task Every_tool_has_all_annotations_and_only_the_read_tools_claim_to_be_read_only()
    {
        await using var connection = await PipeMcpConnection.StartWithCatalogueAsync();

        var tools = await connection.Client.ListToolsAsync();

        Assert.All(tools, tool =>
        {
            var a = tool.ProtocolTool.Annotations;
            Assert.NotNull(a);
            Assert.False(string.IsNullOrWhiteSpace(a.Title));
            Assert.NotNull(a.ReadOnlyHint);
            Assert.NotNull(a.DestructiveHint);
            Assert.NotNull(a.IdempotentHint);
            // Only send_draft leaves the system (it emails a person), so only it tells clients to ask their user first.
            Assert.Equal(tool.Name == "send_draft", a.OpenWorldHint);
            Assert.Equal(ReadTools.Contains(tool.Name), a.ReadOnlyHint);
        });
        Assert.False(tools.Single(t => t.Name == "create_ticket").ProtocolTool.Annotations!.DestructiveHint);
        Assert.True(tools.Single(t => t.Name == "delete_ticket").ProtocolTool.Annotations!.DestructiveHint);
        // A message is appended, never overwrites anything, and each call adds one more.
        var addMessage = tools.Single(t => t.Name == "add_message").ProtocolTool.Annotations!;
        Assert.False(addMessage.DestructiveHint);
        Assert.False(addMessage.IdempotentHint);
        Assert.True(tools.Single(t => t.Name == "triage_ticket").ProtocolTool.Annotations!.DestructiveHint);
        // Drafting adds a version and overwrites nothing; sending appends a reply: neither is destructive, neither idempotent.
        foreach (var name in new[] { "draft_reply", "send_draft" })
        {
            var draft = tools.Single(t => t.Name == name).ProtocolTool.Annotations!;
            Assert.False(draft.DestructiveHint);
            Assert.False(draft.IdempotentHint);
        }
    }

    [Fact]
    public async Task Read_only_mode_lists_only_the_read_tools()
    {
        await using var connection = await PipeMcpConnection.StartWithCatalogueAsync(new Dictionary<string, string?> { ["MCP_READ_ONLY"] = "true" });

        var tools = await connection.Client.ListToolsAsync();

        Assert.Equal(ReadTools.Order(), tools.Select(t => t.Name).Order());
    }
}
