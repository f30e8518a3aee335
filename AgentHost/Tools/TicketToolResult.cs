using System.Text.Json.Serialization;
using AgentHost.Tickets;
using TicketApi.Contracts;

namespace AgentHost.Tools;

/// <summary>
/// What every ticket tool returns, success or refusal alike: a one-line <see cref="Summary"/> that names
/// the ticket ids touched (the SSE <c>tool</c> frame and the offline planner show it), plus structured
/// <see cref="Data"/> for a model. A refusal (404, 409, validation) has <c>ok: false</c> and says what to do
/// instead, e.g. the allowed transitions; the MCP face turns <c>ok: false</c> into an <c>isError</c> result.
/// </summary>
public sealed record TicketToolResult(
    bool Ok,
    string Summary,
    object? Data = null,
    IReadOnlyList<TicketStatus>? AllowedTransitions = null,
    [property: JsonIgnore] int? HttpStatus = null)
{
    public static TicketToolResult Success(string summary, object? data = null) => new(true, summary, data);

    public static TicketToolResult Failure(string summary) => new(false, summary);

    public static TicketToolResult Failure(TicketProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(false, problem.Message, AllowedTransitions: problem.AllowedTransitions, HttpStatus: problem.Status);
    }
}

/// <summary>One line of a ticket list: enough to pick a ticket, without its description.</summary>
public sealed record TicketBrief(
    long Id,
    string Title,
    [property: JsonPropertyName("resolution_status")] TicketStatus ResolutionStatus,
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Updated)
{
    public static TicketBrief From(TicketDto ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new(ticket.Id, ticket.Title, ticket.ResolutionStatus, ticket.Created, ticket.Updated);
    }
}

/// <summary>The data of a <c>list_tickets</c> result.</summary>
public sealed record TicketListData(long Count, int Page, bool HasMore, IReadOnlyList<TicketBrief> Tickets);

/// <summary>The data of a <c>count_tickets</c> result; <see cref="ByStatus"/> when no status was asked for.</summary>
public sealed record TicketCountData(long Count, IReadOnlyDictionary<string, long>? ByStatus = null);

/// <summary>The data of a <c>delete_ticket</c> result.</summary>
public sealed record TicketDeletedData(long Id, bool Deleted);
