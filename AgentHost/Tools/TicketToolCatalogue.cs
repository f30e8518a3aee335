using Microsoft.Extensions.AI;

namespace AgentHost.Tools;

/// <summary>
/// The one catalogue of ticket tools, built once per host: the chat pipeline offers <see cref="Functions"/>
/// to the model, the MCP server serves <see cref="Tools"/> with their annotations.
/// </summary>
public sealed class TicketToolCatalogue
{
    public const string ListTickets = "list_tickets";
    public const string GetTicket = "get_ticket";
    public const string CreateTicket = "create_ticket";
    public const string UpdateTicket = "update_ticket";
    public const string SetTicketStatus = "set_ticket_status";
    public const string DeleteTicket = "delete_ticket";
    public const string CountTickets = "count_tickets";
    public const string SearchArticles = "search_articles";
    public const string GetArticle = "get_article";

    public TicketToolCatalogue(TicketTools tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        Tools =
        [
            new(tools.ListTickets(), "List tickets", ReadOnly: true, Destructive: false, Idempotent: true),
            new(tools.GetTicket(), "Get a ticket", ReadOnly: true, Destructive: false, Idempotent: true),
            new(tools.CreateTicket(), "Create a ticket", ReadOnly: false, Destructive: false, Idempotent: false),
            // Overwrites the previous text: destructive in MCP's sense, and repeating it changes nothing more.
            new(tools.UpdateTicket(), "Update a ticket", ReadOnly: false, Destructive: true, Idempotent: true),
            // Closing is final (CLOSED cannot be left), so a status change can destroy the ability to reopen.
            new(tools.SetTicketStatus(), "Change a ticket's status", ReadOnly: false, Destructive: true, Idempotent: true),
            new(tools.DeleteTicket(), "Delete a ticket", ReadOnly: false, Destructive: true, Idempotent: true),
            new(tools.CountTickets(), "Count tickets", ReadOnly: true, Destructive: false, Idempotent: true),
            new(tools.SearchArticles(), "Search the knowledge base", ReadOnly: true, Destructive: false, Idempotent: true),
            new(tools.GetArticle(), "Get a knowledge-base article", ReadOnly: true, Destructive: false, Idempotent: true),
        ];
        Functions = Tools.Select(t => (AITool)t.Function).ToList();
    }

    public IReadOnlyList<TicketToolDefinition> Tools { get; }

    /// <summary>The same tools as <see cref="ChatOptions.Tools"/> wants them.</summary>
    public IReadOnlyList<AITool> Functions { get; }

    public TicketToolDefinition? Find(string name) =>
        Tools.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
