using System.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TicketApi.Accounts.Users;

/// <summary>What a change to a person came to: typed cases the endpoints map to HTTP in one switch.</summary>
public abstract record UserChange
{
    public sealed record Done(UserDto User, string? OneTimePassword = null) : UserChange;
    public sealed record NotFound(string Id) : UserChange;
    public sealed record UnknownRole(string? Role) : UserChange;
    public sealed record LastAdmin(string Id) : UserChange;
    public sealed record EmailTaken(string Email) : UserChange;
    public sealed record Invalid(IDictionary<string, string[]> Errors) : UserChange;
}

/// <summary>
/// People and their roles for admins (docs/accounts.md, "Users"), through Identity's <see cref="UserManager{TUser}"/>,
/// with the one rule Identity does not know: the desk always keeps an admin. Changes that could remove the last admin
/// are checked and made one at a time under a lock the database holds (<see cref="BeginAdminChangeAsync"/>), so
/// service processes sharing a database cannot both pass the check; every change drops the person's cached role
/// (<see cref="RoleCache"/>) so it applies to their next request.
/// </summary>
public sealed class UserDirectory(UserManager<IdentityUser> users, AccountsDbContext db, RoleCache roles)
{
    /// <summary>PostgreSQL's advisory lock for admin-affecting changes: any constant no other lock here uses.</summary>
    private const long AdminChangesLock = 4_113_906_672_381_550_017;

    /// <summary>The page's people, or null results for a page past the last.</summary>
    public async Task<(long Count, IReadOnlyList<UserDto>? Results)> ListAsync(UserQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var people = db.Users.AsNoTracking();
        if (query.Search is { } search)
        {
            var normalized = search.ToUpperInvariant();
            people = people.Where(user => user.NormalizedEmail!.Contains(normalized));
        }
        if (query.Role is { } role)
        {
            var name = Actor.RoleName(role);
            var ranked = db.UserRoles.Where(row => row.RoleId == "admin" || row.RoleId == "agent");
            people = role switch
            {
                // A person's role is their highest row; no row at all is a requester.
                ActorRole.Admin => people.Where(user => db.UserRoles.Any(row => row.UserId == user.Id && row.RoleId == name)),
                ActorRole.Agent => people.Where(user => db.UserRoles.Any(row => row.UserId == user.Id && row.RoleId == name)
                    && !db.UserRoles.Any(row => row.UserId == user.Id && row.RoleId == "admin")),
                _ => people.Where(user => !ranked.Any(row => row.UserId == user.Id)),
            };
        }
        var count = await people.LongCountAsync(cancellationToken);
        var skip = (long)(query.Page - 1) * query.PageSize;
        if (query.Page > 1 && skip >= count)
        {
            return (count, null);
        }
        var page = await people.OrderBy(user => user.NormalizedEmail).ThenBy(user => user.Id)
            .Skip((int)skip).Take(query.PageSize)
            .Select(user => new { user.Id, user.Email }).ToListAsync(cancellationToken);
        var ids = page.Select(user => user.Id).ToList();
        var rows = await db.UserRoles.Where(row => ids.Contains(row.UserId)).Select(row => new { row.UserId, row.RoleId }).ToListAsync(cancellationToken);
        return (count, page.Select(user => new UserDto(user.Id, user.Email ?? "",
            Actor.RoleName(rows.Where(row => row.UserId == user.Id).Select(row => Actor.ParseRole(row.RoleId)).Max() ?? ActorRole.Requester))).ToList());
    }

    public async Task<UserDto?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(user => user.Id == id, cancellationToken);
        return user is null ? null : new UserDto(user.Id, user.Email ?? "", Actor.RoleName((await RoleCache.LoadAsync(id, db, cancellationToken)).Role));
    }

    public async Task<UserChange> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = request.Role is null ? ActorRole.Requester : Actor.ParseRole(request.Role);
        if (role is null)
        {
            return new UserChange.UnknownRole(request.Role);
        }
        var email = request.Email?.Trim() ?? "";
        if (email.Length == 0)
        {
            return new UserChange.Invalid(new Dictionary<string, string[]> { ["email"] = ["An email address is required."] });
        }
        var normalizedEmail = users.NormalizeEmail(email);
        if (await db.Users.AnyAsync(user => user.NormalizedEmail == normalizedEmail, cancellationToken))
        {
            return new UserChange.EmailTaken(email);
        }
        var generated = request.Password is null ? OneTimePassword.Generate() : null;
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true }; // an admin vouches for the address
        var created = await users.CreateAsync(user, request.Password ?? generated!);
        if (!created.Succeeded)
        {
            return created.Errors.Any(error => error.Code is "DuplicateEmail" or "DuplicateUserName")
                ? new UserChange.EmailTaken(email)
                : new UserChange.Invalid(Errors(created));
        }
        var added = await users.AddToRoleAsync(user, Actor.RoleName(role.Value));
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return new UserChange.Invalid(Errors(added));
        }
        return new UserChange.Done(new UserDto(user.Id, email, Actor.RoleName(role.Value)), generated);
    }

    public async Task<UserChange> SetRoleAsync(string id, string? roleName, CancellationToken cancellationToken)
    {
        if (await db.Users.AsNoTracking().FirstOrDefaultAsync(user => user.Id == id, cancellationToken) is not { } user)
        {
            return new UserChange.NotFound(id);
        }
        if (Actor.ParseRole(roleName) is not { } role)
        {
            return new UserChange.UnknownRole(roleName);
        }
        await using var change = await BeginAdminChangeAsync(cancellationToken);
        var current = await RoleCache.LoadAsync(id, db, cancellationToken);
        if (current.Role == ActorRole.Admin && role != ActorRole.Admin && await AdminCountAsync(cancellationToken) <= 1)
        {
            return new UserChange.LastAdmin(id);
        }
        await ReplaceRoleAsync(db, id, role, cancellationToken);
        await change.CommitAsync(cancellationToken);
        // After the commit: a request that read the old role before it must not keep it cached.
        roles.Forget(id);
        return new UserChange.Done(new UserDto(id, user.Email ?? "", Actor.RoleName(role)));
    }

    public async Task<UserChange> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var change = await BeginAdminChangeAsync(cancellationToken);
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return new UserChange.NotFound(id);
        }
        var current = await RoleCache.LoadAsync(id, db, cancellationToken);
        if (current.Role == ActorRole.Admin && await AdminCountAsync(cancellationToken) <= 1)
        {
            return new UserChange.LastAdmin(id);
        }
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return new UserChange.Invalid(Errors(deleted));
        }
        await change.CommitAsync(cancellationToken);
        roles.Forget(id);
        return new UserChange.Done(new UserDto(id, user.Email ?? "", Actor.RoleName(current.Role)));
    }

    /// <summary>
    /// A transaction in which no other admin-affecting change runs, in this process or another on the same database:
    /// on PostgreSQL a transaction-scoped advisory lock, taken before the admins are counted and held to the commit; on
    /// SQLite BEGIN IMMEDIATE (a serializable transaction), which takes the database's write lock before the count.
    /// </summary>
    private async Task<IDbContextTransaction> BeginAdminChangeAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        }
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdminChangesLock})", cancellationToken);
        return transaction;
    }

    private Task<int> AdminCountAsync(CancellationToken cancellationToken) =>
        db.UserRoles.Where(row => row.RoleId == "admin").Select(row => row.UserId).Distinct().CountAsync(cancellationToken);

    /// <summary>The person's role rows become exactly one, in one save (one transaction).</summary>
    internal static async Task ReplaceRoleAsync(AccountsDbContext db, string userId, ActorRole role, CancellationToken cancellationToken)
    {
        var name = Actor.RoleName(role);
        var rows = await db.UserRoles.Where(row => row.UserId == userId).ToListAsync(cancellationToken);
        db.UserRoles.RemoveRange(rows.Where(row => row.RoleId != name));
        if (!rows.Any(row => row.RoleId == name))
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = name });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Dictionary<string, string[]> Errors(IdentityResult result) =>
        result.Errors.GroupBy(error => error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user")
            .ToDictionary(group => group.Key, group => group.Select(error => error.Description).ToArray(), StringComparer.Ordinal);
}
