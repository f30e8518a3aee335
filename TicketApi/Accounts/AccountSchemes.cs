using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TicketApi.Accounts;

/// <summary>The authentication schemes (docs/accounts.md, "Credentials").</summary>
public static class AccountSchemes
{
    /// <summary>The default scheme: picks the scheme that reads the credential the request carries.</summary>
    public const string Default = "AgentTickets";

    /// <summary>No credentials: the local admin in local mode, nobody in required mode.</summary>
    public const string Local = "Local";

    /// <summary>An API key: <c>Authorization: Bearer at_...</c> (docs/accounts.md, "API keys").</summary>
    public const string ApiKey = "ApiKey";

    public const string IdentityCookieName = ".AspNetCore.Identity.Application";

    /// <summary>Identity's bearer token, checked against the stored person per request (<see cref="StoredPersonHandler"/>).</summary>
    public const string StoredBearer = "StoredBearer";

    /// <summary>Identity's sign-in cookie, checked against the stored person per request (<see cref="StoredPersonHandler"/>).</summary>
    public const string StoredCookie = "StoredCookie";

    /// <summary>
    /// Which scheme reads this request: a bearer token from Identity's login, the sign-in cookie, or (neither)
    /// the local scheme. An API key (<c>Bearer at_...</c>) goes to the key scheme: Identity's tokens never start so.
    /// </summary>
    public static string Select(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization.AsSpan(7).TrimStart().StartsWith(Keys.ApiKeySecret.Marker, StringComparison.Ordinal)
                ? ApiKey
                : StoredBearer;
        }
        return context.Request.Cookies.ContainsKey(IdentityCookieName) ? StoredCookie : Local;
    }
}

/// <summary>
/// Answers for requests without credentials. In local mode they act as the built-in admin; in required mode
/// nobody is signed in and the challenge is a 401 with <c>WWW-Authenticate: Bearer</c> (RFC 6750), which every
/// scheme's challenge is forwarded to, so a cookie request is never redirected to a login page.
/// </summary>
public sealed class LocalAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthModeResolver mode)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(mode.Mode == AuthMode.Local
            ? AuthenticateResult.Success(new AuthenticationTicket(ActorClaims.ToPrincipal(Actor.LocalAdmin, AccountSchemes.Local), AccountSchemes.Local))
            : AuthenticateResult.NoResult());

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
