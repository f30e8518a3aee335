using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using AgentHost.Tickets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using TicketApi.Accounts;

namespace AgentHost.Accounts;

/// <summary>
/// Signs a request with <c>Authorization: Bearer ...</c> in by asking the ticket service who it is
/// (<c>GET /api/account/me</c> with the same header): the agent host in remote mode has no accounts of its own
/// (docs/accounts.md, "Remote mode"). Answers are kept <see cref="RoleCache.Lifetime"/> per credential, so a chat
/// or MCP request costs no extra call; a refused credential fails (401), and so does an unreachable ticket service.
/// </summary>
public sealed class RemoteCredentialHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IHttpClientFactory clients, TicketServiceAddress address, RemoteIdentities identities, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Remote";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        var actor = await identities.GetAsync(authorization, clock, () => AskAsync(authorization));
        return actor is null
            ? AuthenticateResult.Fail("The ticket service does not know this credential.")
            : AuthenticateResult.Success(new AuthenticationTicket(ActorClaims.ToPrincipal(actor, Name), Name));
    }

    private async Task<Actor?> AskAsync(string authorization)
    {
        var http = clients.CreateClient(TicketApiClient.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address.BaseAddress, "api/account/me"));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        try
        {
            using var response = await http.SendAsync(request, Context.RequestAborted);
            if (response.StatusCode != HttpStatusCode.OK || await response.Content.ReadFromJsonAsync(AccountJsonContext.Default.MeDto, Context.RequestAborted) is not { } me)
            {
                return null;
            }
            return new Actor(me.Id, me.Name, me.Email, Actor.ParseRole(me.Role) ?? ActorRole.Requester, Actor.ParseScope(me.Scope) ?? AccessScope.Read, me.KeyId);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}

/// <summary>Who each credential was, as the ticket service last said, by a hash of the credential (never the credential itself).</summary>
public sealed class RemoteIdentities
{
    private readonly ConcurrentDictionary<string, (Actor? Actor, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public async Task<Actor?> GetAsync(string authorization, TimeProvider clock, Func<Task<Actor?>> ask)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(ask);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(authorization)));
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.Expires > now)
        {
            return entry.Actor;
        }
        var actor = await ask();
        // Only answers are kept: a refusal is asked again, so a credential that just became valid works at once.
        if (actor is not null)
        {
            if (_entries.Count > 10_000)
            {
                _entries.Clear();
            }
            _entries[key] = (actor, now + RoleCache.Lifetime);
        }
        return actor;
    }
}
