using System.Reflection;
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

    public TicketToolCatalogue(TicketTools tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        Tools =
        [
            Define(tools, nameof(TicketTools.ListTicketsAsync), ListTickets, "List tickets", readOnly: true, destructive: false, idempotent: true),
            Define(tools, nameof(TicketTools.GetTicketAsync), GetTicket, "Get a ticket", readOnly: true, destructive: false, idempotent: true),
            Define(tools, nameof(TicketTools.CreateTicketAsync), CreateTicket, "Create a ticket", readOnly: false, destructive: false, idempotent: false),
            // Overwrites the previous text: destructive in MCP's sense, and repeating it changes nothing more.
            Define(tools, nameof(TicketTools.UpdateTicketAsync), UpdateTicket, "Update a ticket", readOnly: false, destructive: true, idempotent: true),
            // Closing is final (CLOSED cannot be left), so a status change can destroy the ability to reopen.
            Define(tools, nameof(TicketTools.SetTicketStatusAsync), SetTicketStatus, "Change a ticket's status", readOnly: false, destructive: true, idempotent: true),
            Define(tools, nameof(TicketTools.DeleteTicketAsync), DeleteTicket, "Delete a ticket", readOnly: false, destructive: true, idempotent: true),
            Define(tools, nameof(TicketTools.CountTicketsAsync), CountTickets, "Count tickets", readOnly: true, destructive: false, idempotent: true),
        ];
        Functions = Tools.Select(t => (AITool)t.Function).ToList();
    }

    public IReadOnlyList<TicketToolDefinition> Tools { get; }

    /// <summary>The same tools as <see cref="ChatOptions.Tools"/> wants them.</summary>
    public IReadOnlyList<AITool> Functions { get; }

    public TicketToolDefinition? Find(string name) =>
        Tools.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    private static TicketToolDefinition Define(TicketTools target, string methodName, string name, string title,
        bool readOnly, bool destructive, bool idempotent)
    {
        var method = typeof(TicketTools).GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance)
                     ?? throw new InvalidOperationException($"Tool method {methodName} is missing.");
        var function = AIFunctionFactory.Create(method, target, new AIFunctionFactoryOptions
        {
            Name = name,
            SerializerOptions = TicketToolJson.Options,
            // Keep the TicketToolResult as it is: the loop reads Ok/Summary for the SSE tool frame, the MCP
            // face maps Ok=false to isError, and each serializes it with TicketToolJson.Options when needed.
            MarshalResult = static (result, _, _) => new ValueTask<object?>(result),
        });
        return new TicketToolDefinition(function, title, readOnly, destructive, idempotent);
    }
}
