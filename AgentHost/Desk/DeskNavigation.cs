using TicketApi.Accounts;

namespace AgentHost.Desk;

/// <summary>One link of the desk's top navigation.</summary>
public sealed record DeskLink(string Href, string Text, Access Access);

/// <summary>The desk's sections, each shown only to those its folder lets in (<see cref="DeskExtensions"/>).</summary>
public static class DeskNavigation
{
    public static IReadOnlyList<DeskLink> All { get; } =
    [
        new("/help", "Get help", Access.Read),
        new("/my", "My tickets", Access.Read),
        new("/queue", "Queue", Access.StaffRead),
        new("/kb", "Knowledge base", Access.StaffRead),
        new("/analytics", "Analytics", Access.StaffRead),
        new("/admin/users", "Users", Access.Admin),
        new("/admin/keys", "API keys", Access.Admin),
    ];

    public static IEnumerable<DeskLink> For(Actor actor) => All.Where(link => AccessPolicies.Allows(actor, link.Access));

    /// <summary>Where "/" sends a person: staff to the queue, requesters to their help page.</summary>
    public static string HomeFor(Actor actor) => AccessPolicies.Allows(actor, Access.StaffRead) ? "/queue" : "/help";
}
