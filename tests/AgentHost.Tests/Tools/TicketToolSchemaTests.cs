using AgentHost.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.Tests.Tools;

public class TicketToolSchemaTests
{
    private static TicketToolCatalogue Catalogue()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTicketTools(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        return services.BuildServiceProvider().GetRequiredService<TicketToolCatalogue>();
    }

    [Fact]
    public void The_catalogue_has_the_tools_of_the_contract()
    {
        var names = Catalogue().Tools.Select(t => t.Name).ToArray();
        Assert.Equal(["list_tickets", "get_ticket", "create_ticket", "update_ticket", "set_ticket_status", "delete_ticket", "count_tickets", "triage_ticket", "list_messages", "add_message", "search_articles", "get_article", "draft_reply", "get_draft", "assign_ticket"], names);
    }

    [Fact]
    public void The_chat_is_never_offered_a_tool_that_sends_and_mcp_offers_send_draft_as_open_world()
    {
        var catalogue = Catalogue();

        Assert.DoesNotContain(catalogue.Tools, t => t.Name == "send_draft");
        Assert.DoesNotContain(catalogue.Functions, f => f.Name == "send_draft");
        Assert.Null(catalogue.Find("send_draft"));
        var send = Assert.Single(catalogue.McpTools, t => t.Name == "send_draft");
        Assert.True(send.OpenWorld);
        Assert.False(send.Destructive);
        Assert.False(send.ReadOnly);
        Assert.All(catalogue.McpTools.Where(t => t.Name != "send_draft"), t => Assert.False(t.OpenWorld));
    }

    [Fact]
    public void Every_tool_and_every_parameter_is_described()
    {
        foreach (var tool in Catalogue().Tools)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Function.Description), tool.Name);
            foreach (var parameter in tool.Function.JsonSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.True(parameter.Value.TryGetProperty("description", out var d) && d.GetString()!.Length > 5,
                    $"{tool.Name}.{parameter.Name} has no description");
            }
        }
    }

    [Fact]
    public void Parameters_are_named_after_the_rest_fields()
    {
        var tools = Catalogue();
        string[] Props(string name) => tools.Find(name)!.Function.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(["id"], Props("get_ticket"));
        Assert.Equal(["title", "description", "priority", "category", "requester_name", "requester_email"], Props("create_ticket"));
        Assert.Equal(["id", "title", "description", "priority", "category", "requester_name", "requester_email"], Props("update_ticket"));
        Assert.Equal(["id"], Props("triage_ticket"));
        Assert.Equal(["ticket_id", "page"], Props("list_messages"));
        Assert.Equal(["ticket_id", "kind", "body"], Props("add_message"));
        Assert.Equal(["id", "status"], Props("set_ticket_status"));
        Assert.Equal(["id", "confirm_title"], Props("delete_ticket"));
        Assert.Contains("resolution_status", Props("list_tickets"));
        Assert.Contains("created__gte", Props("list_tickets"));
        Assert.Contains("page_size", Props("list_tickets"));
        Assert.Contains("resolution_status", Props("count_tickets"));
    }

    [Fact]
    public void Status_parameters_list_the_three_statuses_as_an_enum()
    {
        var schema = Catalogue().Find("set_ticket_status")!.Function.JsonSchema;
        var status = schema.GetProperty("properties").GetProperty("status");
        Assert.Equal(["OPEN", "RESOLVED", "CLOSED"], status.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(["id", "status"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public void Label_parameters_list_their_allowed_values_as_an_enum()
    {
        var tools = Catalogue();
        string[] Enum(string tool, string parameter) => tools.Find(tool)!.Function.JsonSchema.GetProperty("properties").GetProperty(parameter)
            .GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray();

        Assert.Equal(["LOW", "NORMAL", "HIGH", "URGENT"], Enum("update_ticket", "priority"));
        Assert.Equal(["ACCOUNT", "NETWORK", "EMAIL", "HARDWARE", "SOFTWARE", "BILLING", "OTHER"], Enum("create_ticket", "category"));
        Assert.Equal(["reply", "note", "customer"], Enum("add_message", "kind"));
    }

    [Fact]
    public void A_call_with_no_arguments_is_valid_for_list_tickets()
    {
        var schema = Catalogue().Find("list_tickets")!.Function.JsonSchema;
        Assert.False(schema.TryGetProperty("required", out var required) && required.GetArrayLength() > 0);
    }

    [Fact]
    public void Read_only_and_destructive_traits_match_what_each_tool_does()
    {
        var tools = Catalogue().Tools.ToDictionary(t => t.Name);
        Assert.True(tools["list_tickets"].ReadOnly && tools["get_ticket"].ReadOnly && tools["count_tickets"].ReadOnly && tools["list_messages"].ReadOnly);
        Assert.False(tools["add_message"].ReadOnly || tools["add_message"].Destructive || tools["add_message"].Idempotent);
        Assert.False(tools["triage_ticket"].ReadOnly);
        Assert.False(tools["create_ticket"].ReadOnly || tools["create_ticket"].Destructive);
        Assert.True(tools["delete_ticket"].Destructive && !tools["delete_ticket"].ReadOnly);
        Assert.All(tools.Values, t => Assert.False(string.IsNullOrWhiteSpace(t.Title)));
    }
}
