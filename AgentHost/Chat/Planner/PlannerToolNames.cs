using AgentHost.Tools;

namespace AgentHost.Chat.Planner;

/// <summary>
/// The tool names the planner emits (docs/tools.md), and a shorthand to build a call. A tool missing from the offered
/// tools (a read-only setting, a provider's subset) is reported as unavailable, never called.
/// </summary>
public static class PlannerToolNames
{
    public const string ListTickets = TicketToolCatalogue.ListTickets;
    public const string CountTickets = TicketToolCatalogue.CountTickets;
    public const string GetTicket = TicketToolCatalogue.GetTicket;
    public const string CreateTicket = TicketToolCatalogue.CreateTicket;
    public const string UpdateTicket = TicketToolCatalogue.UpdateTicket;
    public const string SetTicketStatus = TicketToolCatalogue.SetTicketStatus;
    public const string DeleteTicket = TicketToolCatalogue.DeleteTicket;
    public const string ListMessages = TicketToolCatalogue.ListMessages;
    public const string AddMessage = TicketToolCatalogue.AddMessage;
    public const string TriageTicket = TicketToolCatalogue.TriageTicket;
    public const string AssignTicket = TicketToolCatalogue.AssignTicket;
    public const string SearchArticles = TicketToolCatalogue.SearchArticles;
    public const string GetArticle = TicketToolCatalogue.GetArticle;

    public const string DraftReply = TicketToolCatalogue.DraftReply;
    public const string GetDraft = TicketToolCatalogue.GetDraft;

    public static PlannedCall Call(string tool, params (string Name, object? Value)[] args) =>
        new(tool, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));
}
