using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TicketApi.Accounts;
using TicketApi.Accounts.Users;

namespace AgentHost.Desk.Admin;

/// <summary>
/// <c>/admin/users</c> (docs/desk.md, "Admin"): people and their roles, read through <see cref="UserDirectory"/> with
/// the query rules of <c>GET /api/users/</c> (<see cref="UserQuery"/>), so search, role filter and paging work as a
/// plain GET form with JavaScript off. Creating, re-roling and deleting go through the REST API from admin.js.
/// </summary>
public sealed class UsersModel(UserDirectory directory, AccountsDbContext db, DeskSetup setup) : PageModel
{
    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    public long Count { get; private set; }

    public UserQuery Query { get; private set; } = new();

    /// <summary>What was wrong with the search form, as the API would say it (field, message).</summary>
    public IReadOnlyList<(string Field, string Message)> QueryErrors { get; private set; } = [];

    public bool PastLastPage { get; private set; }

    public int LastPage => (int)Math.Max(1, (Count + Query.PageSize - 1) / Query.PageSize);

    public DeskSetup Setup => setup;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (parsed, errors) = UserQuery.Parse(Request.Query);
        if (parsed is null)
        {
            QueryErrors = [.. errors.SelectMany(error => error.Value.Select(message => (error.Key, message)))];
            return;
        }

        Query = parsed;
        var (count, results) = await directory.ListAsync(parsed, cancellationToken);
        Count = count;
        if (results is null)
        {
            PastLastPage = true;
            return;
        }

        // Whether the address is vouched for decides which tickets are theirs (docs/accounts.md, "Visibility"); the API's
        // person has no such field, so it is read beside it, for this page's people only.
        var ids = results.Select(person => person.Id).ToList();
        var confirmed = await db.Users.AsNoTracking().Where(user => ids.Contains(user.Id) && user.EmailConfirmed)
            .Select(user => user.Id).ToListAsync(cancellationToken);
        People = [.. results.Select(person => new PersonRow(person.Id, person.Email, person.Role, confirmed.Contains(person.Id)))];
    }

    /// <summary>The link to another page of the same search.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal) { [TicketApi.Http.SmallListQuery.PageName] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (Query.Search is { } search)
        {
            query[UserQuery.SearchName] = search;
        }
        if (Query.Role is { } role)
        {
            query[UserQuery.RoleName] = Actor.RoleName(role);
        }
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/users", query);
    }
}

/// <summary>One person as the page lists them.</summary>
public sealed record PersonRow(string Id, string Email, string Role, bool Confirmed);
