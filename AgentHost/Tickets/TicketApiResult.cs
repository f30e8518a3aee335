namespace AgentHost.Tickets;

/// <summary>What one ticket-service call gave: a value, or a readable problem. Never an exception.</summary>
public sealed record TicketApiResult<T>(T? Value, TicketProblem? Problem, string? ETag = null)
{
    public bool IsSuccess => Problem is null;
}

internal static class TicketApiResult
{
    public static TicketApiResult<T> Success<T>(T value, string? etag = null) => new(value, null, etag);

    public static TicketApiResult<T> Failure<T>(TicketProblem problem) => new(default, problem);
}
