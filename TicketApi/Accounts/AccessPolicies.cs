using Microsoft.AspNetCore.Authorization;

namespace TicketApi.Accounts;

/// <summary>What an endpoint asks of the actor (docs/accounts.md, "Who may do what").</summary>
public enum Access
{
    /// <summary>Anyone signed in, requesters included (their own tickets only: the endpoint narrows further).</summary>
    Read,

    /// <summary>Anyone signed in whose credential may write (a requester filing or answering their own ticket).</summary>
    Write,

    /// <summary>Agents and admins, reading.</summary>
    StaffRead,

    /// <summary>Agents and admins, with a credential that may write.</summary>
    StaffWrite,

    /// <summary>Admins with admin reach: users, roles, keys, settings, the audit log.</summary>
    Admin,
}

/// <summary>One authorization policy per <see cref="Access"/>, decided on the <see cref="Actor"/> the request carries.</summary>
public static class AccessPolicies
{
    public static string Name(Access access) => "access:" + access.ToString().ToLowerInvariant();

    public static bool Allows(Actor actor, Access access)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return !actor.IsAnonymous && access switch
        {
            Access.Read => true,
            Access.Write => actor.CanWrite,
            Access.StaffRead => actor.IsStaff,
            Access.StaffWrite => actor.IsStaff && actor.CanWrite,
            Access.Admin => actor.IsAdmin,
            _ => false,
        };
    }

    /// <summary>Requires <paramref name="access"/> of every request to the endpoint(s): 401 without credentials, 403 with too little.</summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, Access access) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Name(access));

    /// <summary>Registers the policies and the fallback (someone signed in); both hosts call it through their accounts wiring.</summary>
    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var access in Enum.GetValues<Access>())
        {
            options.AddPolicy(Name(access), policy => policy
                .AddAuthenticationSchemes(AccountSchemes.Default)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => ActorClaims.FromPrincipal(context.User) is { } actor && Allows(actor, access)));
        }
        // Every endpoint without a policy of its own (the chat, MCP, OpenAPI) still needs someone signed in.
        options.FallbackPolicy = new AuthorizationPolicyBuilder(AccountSchemes.Default).RequireAuthenticatedUser().Build();
    }
}
