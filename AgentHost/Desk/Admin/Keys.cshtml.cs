using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Accounts;
using TicketApi.Accounts.Keys;

namespace AgentHost.Desk.Admin;

/// <summary>
/// <c>/admin/keys</c> (docs/desk.md, "Admin"): the signed-in admin's own API keys, as <c>GET /api/keys</c> lists them
/// (never a secret: only hashes are stored). Issuing and revoking go through the REST API from admin.js; a new key's
/// secret exists only in that one answer and so only on the page that asked for it.
/// </summary>
public sealed class KeysModel(ApiKeyStore store) : PageModel
{
    public IReadOnlyList<ApiKeyDto> Keys { get; private set; } = [];

    /// <summary>The highest scope this admin may put on a key (the API refuses more).</summary>
    public IReadOnlyList<string> Scopes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = ActingContext.Actor;
        var keys = await store.ListAsync(actor.Id, cancellationToken);
        // Active keys first, newest first within each group: what an admin looks for is what still works.
        Keys = [.. keys.Select(ApiKeyDto.From).OrderBy(key => key.Revoked).ThenByDescending(key => key.Created).ThenByDescending(key => key.Id)];
        var ceiling = ApiKeyEndpoints.Ceiling(actor);
        Scopes = [.. new[] { AccessScope.Read, AccessScope.Write, AccessScope.Admin }.Where(scope => scope <= ceiling).Select(Actor.ScopeName)];
    }

    public static string When(DateTime? time) =>
        time is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "never";
}
