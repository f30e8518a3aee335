using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TicketApi.Accounts;

/// <summary>
/// A person's role as stored now, by user id: what every request acts with, so a role change or a deletion takes
/// effect on the person's next request even while their bearer token is unexpired (docs/accounts.md, "Users").
/// Entries live <see cref="Lifetime"/> and are dropped at once by every change this process makes; a change made by
/// another process (a second replica, the <c>create-admin</c> command) is seen within <see cref="Lifetime"/>.
/// </summary>
public sealed class RoleCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (StoredRole Role, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    /// <summary>The person's role, or <see cref="StoredRole.Gone"/> when no such person is stored.</summary>
    public async Task<StoredRole> GetAsync(string userId, AccountsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(userId, out var entry) && entry.Expires > now)
        {
            return entry.Role;
        }
        var role = await LoadAsync(userId, db, cancellationToken);
        _entries[userId] = (role, now + Lifetime);
        return role;
    }

    public void Forget(string userId) => _entries.TryRemove(userId, out _);

    internal static async Task<StoredRole> LoadAsync(string userId, AccountsDbContext db, CancellationToken cancellationToken)
    {
        var confirmed = await db.Users.Where(user => user.Id == userId).Select(user => (bool?)user.EmailConfirmed).FirstOrDefaultAsync(cancellationToken);
        if (confirmed is null)
        {
            return StoredRole.Gone;
        }
        var roles = await db.UserRoles.Where(row => row.UserId == userId).Select(row => row.RoleId).ToListAsync(cancellationToken);
        return new StoredRole(true, roles.Select(Actor.ParseRole).Max() ?? ActorRole.Requester, confirmed.Value);
    }
}

/// <summary>
/// Whether a person is stored, their role (the highest of their role rows; none is a requester), and whether their
/// address is confirmed (made by an admin, or confirmed through Identity's link).
/// </summary>
public readonly record struct StoredRole(bool Exists, ActorRole Role, bool EmailConfirmed = false)
{
    public static StoredRole Gone { get; } = new(false, ActorRole.Requester);
}

/// <summary>
/// Identity's bearer token or sign-in cookie (<see cref="StoredPersonOptions.Inner"/>), checked against the store on
/// every request: the role claims the credential was issued with are replaced by the stored role (<see cref="RoleCache"/>),
/// and a credential of a deleted person fails, so it is a 401 as a missing one is (docs/accounts.md, "Users").
/// </summary>
public sealed class StoredPersonHandler(
    IOptionsMonitor<StoredPersonOptions> options, ILoggerFactory logger, UrlEncoder encoder, RoleCache cache, AccountsDbContext db)
    : AuthenticationHandler<StoredPersonOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var issued = await Context.AuthenticateAsync(Options.Inner);
        if (!issued.Succeeded || issued.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id)
        {
            return issued.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(issued.Failure ?? new InvalidOperationException("The credential names nobody."));
        }
        var stored = await cache.GetAsync(id, db, Context.RequestAborted);
        if (!stored.Exists)
        {
            return AuthenticateResult.Fail("The credential's person no longer exists.");
        }
        var identity = issued.Principal.Identity as ClaimsIdentity;
        // An address nobody vouched for (self-registration, unconfirmed) is no claim to the tickets sent to it
        // (docs/accounts.md, "Visibility"): anyone may register as anyone's address.
        var current = new ClaimsIdentity(
            issued.Principal.Claims.Where(claim => claim.Type != ClaimTypes.Role && (stored.EmailConfirmed || claim.Type != ClaimTypes.Email)),
            identity?.AuthenticationType ?? Scheme.Name,
            ClaimTypes.Name, ClaimTypes.Role);
        current.AddClaim(new Claim(ClaimTypes.Role, Actor.RoleName(stored.Role)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(current), issued.Properties, Scheme.Name));
    }
}

/// <summary>Which of Identity's schemes a <see cref="StoredPersonHandler"/> reads the credential with.</summary>
public sealed class StoredPersonOptions : AuthenticationSchemeOptions
{
    public string Inner { get; set; } = "";
}
