using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using TicketApi.Accounts;
using TicketApi.Http;

namespace TicketApi.Assignment;

/// <summary>
/// Finds the person a ticket is to be assigned to (docs/accounts.md, "Assignment"): <c>me</c> (the acting
/// person), a person's id, or their email address; the local admin (<c>local</c>) when acting as it (local mode). Only agents and
/// admins take tickets: anyone else, or nobody, is a 422 naming the value.
/// </summary>
public sealed class AssigneeDirectory(UserManager<IdentityUser> users)
{
    public const string Field = "assignee";

    /// <summary>The person, or null to unassign, or the 422 that refuses <paramref name="requested"/>.</summary>
    public async Task<(TicketAssignee? Assignee, ProblemHttpResult? Problem)> ResolveAsync(string? requested)
    {
        if (requested is null)
        {
            return (null, null);
        }
        var value = requested.Trim();
        if (value.Equals(Querying.AssigneeFilter.Me, StringComparison.OrdinalIgnoreCase))
        {
            var actor = ActingContext.Actor;
            return actor.IsStaff ? (new TicketAssignee(actor.Id, actor.Name), null) : Refused(value, "you are not an agent or admin");
        }
        // Only a local-mode request acts as the local admin; the mode itself is not asked for, since MCP stdio has no server to ask.
        if (value == Actor.LocalAdminId && ActingContext.Actor.Id == Actor.LocalAdminId)
        {
            return (new TicketAssignee(Actor.LocalAdmin.Id, Actor.LocalAdmin.Name), null);
        }
        if (value.Length is 0 or > Querying.AssigneeFilter.MaxIdLength || value.Contains('\0', StringComparison.Ordinal))
        {
            return Refused(value, "it names nobody");
        }
        var user = value.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(value) : await users.FindByIdAsync(value);
        if (user is null)
        {
            return Refused(value, "no person has this id or email address");
        }
        var roles = await users.GetRolesAsync(user);
        if (!roles.Any(role => Actor.ParseRole(role) >= ActorRole.Agent))
        {
            return Refused(value, "only agents and admins can be assigned tickets");
        }
        return (new TicketAssignee(user.Id, user.UserName ?? user.Email ?? user.Id), null);
    }

    private static (TicketAssignee?, ProblemHttpResult?) Refused(string value, string why) =>
        (null, TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity, "The ticket cannot be assigned to this person.",
            new Dictionary<string, string[]> { [Field] = [$"Cannot assign to '{Clip(value)}': {why}."] }));

    private static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
