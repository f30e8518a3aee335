using TicketApi.Accounts;

namespace TicketApi.Querying;

/// <summary>
/// The list's <c>assignee</c> filter (docs/accounts.md, "Assignment"): <c>me</c>, <c>none</c> or a person's id.
/// "me" is kept as written in the <see cref="TicketQuery"/> and read as the acting person (<see cref="ActingContext"/>)
/// only when the SQL is built, so the same query means "mine" for whoever runs it: a REST caller, the chat's
/// in-process tools, an MCP client.
/// </summary>
public static class AssigneeFilter
{
    public const string Me = "me";
    public const string None = "none";

    /// <summary>What <see cref="AssigneeIdOf"/> answers for <c>none</c>: no person's id can be this.</summary>
    public const string Unassigned = "\0none";

    /// <summary>Identity's ids are GUID strings; a longer value cannot name anyone.</summary>
    public const int MaxIdLength = 450;

    /// <returns>An error for the parameter, or null with <paramref name="assignee"/> set.</returns>
    public static string? Parse(string value, out string? assignee)
    {
        assignee = null;
        if (value.Length == 0)
        {
            return "Use 'me', 'none' or a person's id.";
        }
        if (value.Length > MaxIdLength)
        {
            return $"A person's id is at most {MaxIdLength} characters; use 'me', 'none' or an id.";
        }
        assignee = value.Equals(Me, StringComparison.OrdinalIgnoreCase) ? Me
            : value.Equals(None, StringComparison.OrdinalIgnoreCase) ? None
            : value;
        return null;
    }

    /// <summary>The assignee id the query asks for, <see cref="Unassigned"/> for "none", or null when it does not filter on it.</summary>
    public static string? AssigneeIdOf(TicketQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Assignee switch
        {
            null => null,
            Me => ActingContext.Actor.Id,
            None => Unassigned,
            var id => id,
        };
    }
}
