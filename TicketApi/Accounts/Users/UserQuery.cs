using TicketApi.Http;

namespace TicketApi.Accounts.Users;

/// <summary>A request for one page of people (<c>GET /api/users/</c>), ordered by email.</summary>
public sealed record UserQuery(int Page = 1, int PageSize = SmallListQuery.DefaultPageSize, ActorRole? Role = null, string? Search = null)
{
    public const int MaxPageSize = SmallListQuery.MaxPageSize;

    public const string RoleName = "role";
    public const string SearchName = "search";

    public static IReadOnlyList<string> Names { get; } = [SmallListQuery.PageName, SmallListQuery.PageSizeName, RoleName, SearchName];

    /// <summary>The query, or the errors naming each bad parameter and what it allows (<see cref="SmallListQuery"/>).</summary>
    public static (UserQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var result = new UserQuery();
        var errors = SmallListQuery.Read(query, Names,
            page => result = result with { Page = page },
            size => result = result with { PageSize = size },
            (name, value) =>
            {
                if (name == SearchName)
                {
                    result = result with { Search = value };
                    return null;
                }
                if (Actor.ParseRole(value) is { } role)
                {
                    result = result with { Role = role };
                    return null;
                }
                return $"Invalid role '{SmallListQuery.Clip(value)}'. Allowed values are: requester, agent, admin.";
            });
        return (errors.Count == 0 ? result : null, errors);
    }
}
