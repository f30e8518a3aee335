using System.Globalization;

namespace TicketApi.Accounts.Users;

/// <summary>A request for one page of people (<c>GET /api/users/</c>), ordered by email.</summary>
public sealed record UserQuery(int Page = 1, int PageSize = UserQuery.DefaultPageSize, ActorRole? Role = null, string? Search = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public const string PageName = "page";
    public const string PageSizeName = "page_size";
    public const string RoleName = "role";
    public const string SearchName = "search";

    public static IReadOnlyList<string> Names { get; } = [PageName, PageSizeName, RoleName, SearchName];

    /// <summary>The query, or the errors naming each bad parameter and what it allows; empty values count as absent, as for tickets.</summary>
    public static (UserQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new UserQuery();
        foreach (var (name, values) in query)
        {
            var value = values.ToString().Trim();
            string? error = null;
            if (!Names.Contains(name))
            {
                error = $"Unknown query parameter. Allowed parameters are: {string.Join(", ", Names)}.";
            }
            else if (values.Count > 1)
            {
                error = "Given more than once; give it once.";
            }
            else if (value.Length > 0)
            {
                switch (name)
                {
                    case PageName when Positive(value) is { } page:
                        result = result with { Page = page };
                        break;
                    case PageName:
                        error = $"'{Clip(value)}' is not a page number: use a whole number from 1.";
                        break;
                    case PageSizeName when Positive(value) is { } size:
                        result = result with { PageSize = Math.Min(size, MaxPageSize) };
                        break;
                    case PageSizeName:
                        error = $"'{Clip(value)}' is not a page size: use a whole number from 1 to {MaxPageSize}.";
                        break;
                    case RoleName when Actor.ParseRole(value) is { } role:
                        result = result with { Role = role };
                        break;
                    case RoleName:
                        error = $"Invalid role '{Clip(value)}'. Allowed values are: requester, agent, admin.";
                        break;
                    default:
                        result = result with { Search = value };
                        break;
                }
            }
            if (error is not null)
            {
                errors[name] = [error];
            }
        }
        return (errors.Count == 0 ? result : null, errors);
    }

    private static int? Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 ? number : null;

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
