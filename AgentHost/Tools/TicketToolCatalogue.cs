using Microsoft.Extensions.AI;
using TicketApi.Contracts;

namespace AgentHost.Tools;

/// <summary>
/// The one catalogue of ticket tools, built once per host: the chat pipeline offers <see cref="Functions"/>
/// to the model, the MCP server serves <see cref="McpTools"/> with their annotations (docs/tools.md).
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
    public const string TriageTicket = "triage_ticket";
    public const string ListMessages = "list_messages";
    public const string AddMessage = "add_message";
    public const string SearchArticles = "search_articles";
    public const string GetArticle = "get_article";
    public const string DraftReply = "draft_reply";
    public const string GetDraft = "get_draft";
    public const string SendDraft = "send_draft";
    public const string AssignTicket = "assign_ticket";

    public TicketToolCatalogue(TicketTools tools, TicketThreadTools threads)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(threads);
        Tools = Build(tools, threads, TicketMessageChannels.Chat);
        // send_draft emails a person: only an MCP client, which asks its user first, is offered it; the chat's model never is.
        McpTools = [.. Build(tools, threads, TicketMessageChannels.Mcp),
            new(tools.SendDraft(), "Send a draft reply to the requester", ReadOnly: false, Destructive: false, Idempotent: false, OpenWorld: true)];
        Functions = Tools.Select(t => (AITool)t.Function).ToList();
    }

    /// <summary>
    /// The tools as one face serves them: the same names, descriptions and schemas on both, but add_message
    /// records the face as the message's channel and refuses a customer message outside the chat.
    /// </summary>
    private static IReadOnlyList<TicketToolDefinition> Build(TicketTools tools, TicketThreadTools threads, string channel) =>
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
        // Replaces the triaged values (never a person's), and the same text triages to the same answer again.
        new(tools.TriageTicket(), "Triage a ticket again", ReadOnly: false, Destructive: true, Idempotent: true),
        new(threads.ListMessages(), "Read a ticket's thread", ReadOnly: true, Destructive: false, Idempotent: true),
        // Appends only (destructive false); each call adds another message (not idempotent).
        new(threads.AddMessage(channel), "Add a message to a ticket", ReadOnly: false, Destructive: false, Idempotent: false),
        new(tools.SearchArticles(), "Search the knowledge base", ReadOnly: true, Destructive: false, Idempotent: true),
        new(tools.GetArticle(), "Get a knowledge-base article", ReadOnly: true, Destructive: false, Idempotent: true),
        // Adds a version (earlier ones are kept) and sends nothing; each call writes another version.
        new(tools.DraftReply(), "Draft a reply", ReadOnly: false, Destructive: false, Idempotent: false),
        new(tools.GetDraft(), "Get a ticket's draft reply", ReadOnly: true, Destructive: false, Idempotent: true),
        // Replaces the previous assignee (destructive in MCP's sense); the same assignment again changes nothing.
        new(tools.AssignTicket(), "Assign a ticket", ReadOnly: false, Destructive: true, Idempotent: true),
    ];

    /// <summary>The chat pipeline's tools (add_message may speak for the requester; its channel is chat).</summary>
    public IReadOnlyList<TicketToolDefinition> Tools { get; }

    /// <summary>The MCP server's tools: add_message records channel mcp and refuses kind customer; send_draft is here only.</summary>
    public IReadOnlyList<TicketToolDefinition> McpTools { get; }

    /// <summary>The chat face's tools as <see cref="ChatOptions.Tools"/> wants them.</summary>
    public IReadOnlyList<AITool> Functions { get; }

    /// <summary>The chat face's tools that <paramref name="actor"/> is offered (<see cref="ToolAccess"/>), as <see cref="ChatOptions.Tools"/> wants them.</summary>
    public IReadOnlyList<AITool> FunctionsFor(TicketApi.Accounts.Actor actor) =>
        [.. ToolAccess.For(actor, Tools).Select(t => (AITool)t.Function)];

    public TicketToolDefinition? Find(string name) =>
        Tools.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
