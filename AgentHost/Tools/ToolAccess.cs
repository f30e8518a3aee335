using TicketApi.Accounts;

namespace AgentHost.Tools;

/// <summary>
/// Which of the catalogue's tools a person is offered (docs/tools.md, "Who is offered which tools"). Staff get every
/// tool; a requester the few that file and follow their own tickets (the ticket service narrows what those tools
/// see and refuses what they may not do: this list is what a model is shown, not the only guard); a credential that
/// may only read gets the read-only tools; nobody signed in, none.
/// </summary>
public static class ToolAccess
{
    /// <summary>What a requester may do through the tools: file, and follow what is theirs.</summary>
    public static IReadOnlySet<string> RequesterTools { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        TicketToolCatalogue.CreateTicket,
        TicketToolCatalogue.ListTickets,
        TicketToolCatalogue.GetTicket,
        TicketToolCatalogue.CountTickets,
        TicketToolCatalogue.ListMessages,
        TicketToolCatalogue.AddMessage,
        TicketToolCatalogue.SearchArticles,
        TicketToolCatalogue.GetArticle,
    };

    public static bool Allows(Actor actor, TicketToolDefinition tool)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(tool);
        if (actor.IsAnonymous || (!actor.CanWrite && !tool.ReadOnly))
        {
            return false;
        }
        return actor.IsStaff || RequesterTools.Contains(tool.Name);
    }

    /// <summary>The tools of <paramref name="tools"/> that <paramref name="actor"/> is offered, in catalogue order.</summary>
    public static IReadOnlyList<TicketToolDefinition> For(Actor actor, IEnumerable<TicketToolDefinition> tools) =>
        [.. tools.Where(tool => Allows(actor, tool))];
}
