using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

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
        if (!await db.Users.AnyAsync(user => user.Id == userId, cancellationToken))
        {
            return StoredRole.Gone;
        }
        var roles = await db.UserRoles.Where(row => row.UserId == userId).Select(row => row.RoleId).ToListAsync(cancellationToken);
        return new StoredRole(true, roles.Select(Actor.ParseRole).Max() ?? ActorRole.Requester);
    }
}

/// <summary>Whether a person is stored, and their role (the highest of their role rows; none is a requester).</summary>
public readonly record struct StoredRole(bool Exists, ActorRole Role)
{
    public static StoredRole Gone { get; } = new(false, ActorRole.Requester);
}

/// <summary>
/// Replaces the role claims a credential was issued with by the stored role (<see cref="RoleCache"/>); a credential
/// of a deleted person signs nobody in. The local admin has no row and is left as it is.
/// </summary>
public sealed class StoredRoleClaims(RoleCache cache, AccountsDbContext db, IHttpContextAccessor http) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not { IsAuthenticated: true } identity
            || identity.AuthenticationType == AccountSchemes.Local
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id
            || id is Actor.LocalAdminId or Actor.SystemId)
        {
            return principal;
        }
        var stored = await cache.GetAsync(id, db, http.HttpContext?.RequestAborted ?? CancellationToken.None);
        if (!stored.Exists)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
        var current = new ClaimsIdentity(principal.Claims.Where(claim => claim.Type != ClaimTypes.Role), identity.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        current.AddClaim(new Claim(ClaimTypes.Role, Actor.RoleName(stored.Role)));
        return new ClaimsPrincipal(current);
    }
}
