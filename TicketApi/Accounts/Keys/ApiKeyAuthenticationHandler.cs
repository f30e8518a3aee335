using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TicketApi.Accounts.Keys;

/// <summary>
/// Reads <c>Authorization: Bearer at_...</c> (docs/accounts.md, "API keys"). Every request looks its key up by hash
/// in the database, with its owner's row and role: nothing is cached, so a revocation, a deleted owner or a changed
/// role counts from the very next request, in this process and every other one on the same database. The lookup is
/// one indexed statement; <c>bench/AuthCost</c> measures what it costs.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore store,
    AuthModeResolver mode,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>How stale <c>last_used_at</c> may get: a write per key per minute at most, not one per request.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ApiKeyAuthentication.KeyOf(Request.Headers.Authorization.ToString());
        if (key is null || !ApiKeySecret.IsWellFormed(key))
        {
            return AuthenticateResult.Fail("The bearer credential is not an API key this server issues.");
        }
        var holder = await store.FindHolderAsync(ApiKeySecret.Hash(key), Context.RequestAborted);
        if (ApiKeyAuthentication.ActorOf(holder, mode.Mode, out var refusal) is not { } actor)
        {
            return AuthenticateResult.Fail(refusal!);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (holder!.LastUsedAt is not { } lastUsed || lastUsed < now - LastUseResolution)
        {
            await store.TouchAsync(holder.KeyId, now, now - LastUseResolution, Context.RequestAborted);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(ActorClaims.ToPrincipal(actor, Scheme.Name), Scheme.Name));
    }
}

/// <summary>The rules that turn a stored key into the person acting, shared by the HTTP scheme and the MCP stdio server.</summary>
public static class ApiKeyAuthentication
{
    /// <summary>The key in an <c>Authorization</c> header value (<c>Bearer at_...</c>), or null.</summary>
    public static string? KeyOf(string authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    /// <summary>
    /// The actor a key acts as: its owner's current role narrowed by the key's scope, or null with the reason it is
    /// refused (unknown, revoked, owner deleted, a local admin's key outside local mode).
    /// </summary>
    public static Actor? ActorOf(ApiKeyHolder? holder, AuthMode mode, out string? refusal)
    {
        refusal = holder switch
        {
            null => "The API key is unknown.",
            { Revoked: true } => "The API key was revoked.",
            // Minted without any proof of who asked (local mode trusts whoever reaches loopback), so it proves
            // nothing once the desk requires credentials: honouring it would keep an admin door open that the
            // switch to required mode was meant to close. docs/accounts.md, "Local admin keys".
            { UserId: Actor.LocalAdminId } when mode != AuthMode.Local =>
                "The API key belongs to the local admin of local mode, and this server requires credentials: issue a key as a signed-in person.",
            { UserId: not Actor.LocalAdminId, OwnerExists: false } => "The API key's owner no longer has an account.",
            _ => null,
        };
        if (refusal is not null)
        {
            return null;
        }
        var keyId = holder!.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return holder.UserId == Actor.LocalAdminId
            ? Actor.LocalAdmin with { Scope = holder.Scope, KeyId = keyId }
            : new Actor(holder.UserId, holder.UserName ?? holder.Email ?? holder.UserId, holder.Email, holder.Role, holder.Scope, keyId);
    }
}
