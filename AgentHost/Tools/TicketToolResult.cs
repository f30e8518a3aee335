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
    [property: JsonIgnore] int? HttpStatus = null,
    [property: JsonIgnore] ToolFailure? FailureKind = null)
{
    public static TicketToolResult Success(string summary, object? data = null) => new(true, summary, data);

    /// <summary>The service (or the tool's own rule) said no: an answer the model reads, not an error of the turn.</summary>
    public static TicketToolResult Failure(string summary) => new(false, summary, FailureKind: ToolFailure.Refused);

    public static TicketToolResult InvalidArguments(string summary) => new(false, summary, FailureKind: ToolFailure.InvalidArguments);

    public static TicketToolResult Failure(TicketProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(false, problem.Message, AllowedTransitions: problem.AllowedTransitions, HttpStatus: problem.Status,
            FailureKind: problem.Status >= 500 ? ToolFailure.Unavailable : ToolFailure.Refused);
    }
}

/// <summary>
/// Why a tool result is not ok. Only <see cref="Unavailable"/> (the ticket service could not be reached or
/// broke, after retries) is a failure of the call; refusals and argument errors are answers the model acts on.
/// </summary>
public enum ToolFailure
{
    /// <summary>404, 409, 412, a validation error, a confirmation that did not match.</summary>
    Refused,

    /// <summary>Unknown, missing or ill-typed arguments.</summary>
    InvalidArguments,

    /// <summary>The ticket service was unreachable or failed (5xx) after its retries.</summary>
    Unavailable,
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

/// <summary>The data of a <c>list_messages</c> result: one page of a thread, oldest first.</summary>
public sealed record TicketThreadData(long TicketId, long Count, int Page, bool HasMore, IReadOnlyList<TicketMessageDto> Messages);
