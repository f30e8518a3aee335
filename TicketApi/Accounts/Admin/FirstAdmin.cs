using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TicketApi.Accounts.Users;

namespace TicketApi.Accounts.Admin;

/// <summary>What making the first admin came to.</summary>
public enum FirstAdminOutcome
{
    /// <summary>A new person was stored as admin.</summary>
    Created,

    /// <summary>The person existed and is now an admin; their password is unchanged.</summary>
    Promoted,

    /// <summary>The person was an admin already: nothing changed.</summary>
    AlreadyAdmin,

    /// <summary>The desk has an admin already, so the settings were not used (start-up only).</summary>
    AdminExists,
}

/// <summary>
/// The first admin (docs/accounts.md, "First admin"): from <c>ADMIN_EMAIL</c>/<c>ADMIN_PASSWORD</c> at start-up when
/// the desk has no admin, or from the <c>create-admin</c> command. Neither ever overwrites an existing password.
/// </summary>
public sealed class FirstAdmin(IServiceScopeFactory scopes, RoleCache roles)
{
    /// <summary>The start-up path: only when no admin exists yet, so restarting with the same settings changes nothing.</summary>
    public async Task<(FirstAdminOutcome Outcome, IReadOnlyList<string> Errors)> EnsureAsync(string email, string password, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        if (await db.UserRoles.AnyAsync(row => row.RoleId == "admin", cancellationToken))
        {
            return (FirstAdminOutcome.AdminExists, []);
        }
        return await CreateOrPromoteAsync(scope.ServiceProvider, email, password, cancellationToken);
    }

    /// <summary>The command's path: <paramref name="email"/> becomes an admin, created with <paramref name="password"/> if new.</summary>
    public async Task<(FirstAdminOutcome Outcome, IReadOnlyList<string> Errors)> CreateOrPromoteAsync(string email, string password, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await CreateOrPromoteAsync(scope.ServiceProvider, email, password, cancellationToken);
    }

    private async Task<(FirstAdminOutcome, IReadOnlyList<string>)> CreateOrPromoteAsync(IServiceProvider services, string email, string password, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var db = services.GetRequiredService<AccountsDbContext>();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            if ((await RoleCache.LoadAsync(existing.Id, db, cancellationToken)).Role == ActorRole.Admin)
            {
                return (FirstAdminOutcome.AlreadyAdmin, []);
            }
            await UserDirectory.ReplaceRoleAsync(db, existing.Id, ActorRole.Admin, cancellationToken);
            roles.Forget(existing.Id);
            return (FirstAdminOutcome.Promoted, []);
        }
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true }; // given in settings or by the operator: vouched for
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (FirstAdminOutcome.Created, created.Errors.Select(error => error.Description).ToList());
        }
        var added = await users.AddToRoleAsync(user, "admin");
        return (FirstAdminOutcome.Created, added.Errors.Select(error => error.Description).ToList());
    }
}

/// <summary>
/// Makes the admin of <c>ADMIN_EMAIL</c>/<c>ADMIN_PASSWORD</c> at start-up; registered after <c>DatabaseStartup</c>,
/// so the schema is there. Bad settings stop the host with the reason: a desk told to have an admin must not start without one.
/// </summary>
public sealed class FirstAdminStartup(AccountSettings settings, FirstAdmin admin, ILogger<FirstAdminStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.AdminEmail is null && settings.AdminPassword is null)
        {
            return;
        }
        if (settings.AdminEmail is not { } email || settings.AdminPassword is not { } password)
        {
            throw new InvalidOperationException("ADMIN_EMAIL and ADMIN_PASSWORD go together: set both, or neither and use the create-admin command.");
        }
        var (outcome, errors) = await admin.EnsureAsync(email, password, cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The admin of ADMIN_EMAIL could not be created: {string.Join(" ", errors)}");
        }
        logger.LogInformation("First admin from ADMIN_EMAIL: {Outcome} ({Email}).", outcome, email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
