using AgentHost.Tools;

namespace AgentHost.Chat.Planner;

/// <summary>
/// The tool names the planner emits (docs/tools.md). The thread tools are named here too, so the planner can be
/// built and tested by the calls it emits while the catalogue gains them; a tool missing from the offered tools is
/// reported as unavailable, never called.
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
    public const string ListMessages = "list_messages";
    public const string AddMessage = "add_message";
    public const string TriageTicket = "triage_ticket";

    public static PlannedCall Call(string tool, params (string Name, object? Value)[] args) =>
        new(tool, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));
}
