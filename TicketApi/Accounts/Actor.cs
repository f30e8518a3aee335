namespace TicketApi.Accounts;

/// <summary>A person's role (docs/accounts.md, "Roles"); each includes everything the one before it may do.</summary>
public enum ActorRole
{
    Requester = 0,
    Agent = 1,
    Admin = 2,
}

/// <summary>
/// How far a credential reaches, whatever its owner's role: an API key's scopes narrow its owner's role
/// (docs/accounts.md, "API keys"); a person signed in with a password has <see cref="Admin"/> reach, which
/// their role then limits. Ordered: write includes read, admin includes both.
/// </summary>
public enum AccessScope
{
    Read = 0,
    Write = 1,
    Admin = 2,
}

/// <summary>
/// Who is acting: a person signed in, a person's API key (<see cref="KeyId"/>), the built-in local admin of
/// local mode, or the system itself (background work: model triage, mail delivery).
/// </summary>
public sealed record Actor(string Id, string Name, string? Email, ActorRole Role, AccessScope Scope, string? KeyId = null)
{
    public const string LocalAdminId = "local";
    public const string SystemId = "system";

    /// <summary>Every request of local mode acts as this admin (docs/accounts.md, "Modes").</summary>
    public static Actor LocalAdmin { get; } = new(LocalAdminId, "Local admin", null, ActorRole.Admin, AccessScope.Admin);

    /// <summary>Work no person started (the model's triage, mail delivery, start-up seeding).</summary>
    public static Actor System { get; } = new(SystemId, "AgentTickets", null, ActorRole.Admin, AccessScope.Admin);

    /// <summary>A request without credentials, on the few routes that allow one (health, login, registration).</summary>
    public static Actor Anonymous { get; } = new("", "anonymous", null, ActorRole.Requester, AccessScope.Read);

    public bool IsAnonymous => Id.Length == 0;

    /// <summary>Agents and admins: everything on tickets, threads, drafts and the knowledge base.</summary>
    public bool IsStaff => !IsAnonymous && Role >= ActorRole.Agent;

    public bool CanWrite => !IsAnonymous && Scope >= AccessScope.Write;

    /// <summary>Users, roles, keys, settings and the audit log: an admin acting with admin reach.</summary>
    public bool IsAdmin => !IsAnonymous && Role == ActorRole.Admin && Scope == AccessScope.Admin;

    public static string RoleName(ActorRole role) => role switch
    {
        ActorRole.Admin => "admin",
        ActorRole.Agent => "agent",
        _ => "requester",
    };

    public static ActorRole? ParseRole(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "requester" => ActorRole.Requester,
        "agent" => ActorRole.Agent,
        "admin" => ActorRole.Admin,
        _ => null,
    };

    public static string ScopeName(AccessScope scope) => scope switch
    {
        AccessScope.Admin => "admin",
        AccessScope.Write => "write",
        _ => "read",
    };

    public static AccessScope? ParseScope(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "read" => AccessScope.Read,
        "write" => AccessScope.Write,
        "admin" => AccessScope.Admin,
        _ => null,
    };
}
