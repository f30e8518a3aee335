using System.Security.Claims;

namespace TicketApi.Accounts;

/// <summary>
/// The claims an <see cref="Actor"/> is carried in. Identity's own principal (cookie or bearer token) already has
/// the user id, user name, email and role claims; an API key's principal adds <see cref="Scope"/> and <see cref="KeyId"/>.
/// </summary>
public static class ActorClaims
{
    /// <summary>The highest scope a credential was given; absent for a person signed in with a password.</summary>
    public const string Scope = "scope";

    /// <summary>The id of the API key a request came with.</summary>
    public const string KeyId = "key_id";

    /// <summary>The acting person, or null when the principal is not signed in.</summary>
    public static Actor? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id)
        {
            return null;
        }
        var role = principal.FindAll(ClaimTypes.Role)
            .Select(claim => Actor.ParseRole(claim.Value))
            .Where(parsed => parsed is not null)
            .Max() ?? ActorRole.Requester; // a registered person with no role row is a requester
        var scope = principal.FindAll(Scope)
            .Select(claim => Actor.ParseScope(claim.Value))
            .Where(parsed => parsed is not null)
            .Max() ?? AccessScope.Admin;
        var email = principal.FindFirstValue(ClaimTypes.Email);
        var name = principal.FindFirstValue(ClaimTypes.Name) ?? email ?? id;
        return new Actor(id, name, email, role, scope, principal.FindFirstValue(KeyId));
    }

    /// <summary>The principal an authentication handler signs <paramref name="actor"/> in as.</summary>
    public static ClaimsPrincipal ToPrincipal(Actor actor, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(actor);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, actor.Id),
            new(ClaimTypes.Name, actor.Name),
            new(ClaimTypes.Role, Actor.RoleName(actor.Role)),
            new(Scope, Actor.ScopeName(actor.Scope)),
        ];
        if (actor.Email is { } email)
        {
            claims.Add(new Claim(ClaimTypes.Email, email));
        }
        if (actor.KeyId is { } keyId)
        {
            claims.Add(new Claim(KeyId, keyId));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }
}
