using System.ComponentModel.DataAnnotations;
using TicketApi.Accounts.Users;
using TicketApi.Data;

namespace TicketApi.Accounts.Admin;

/// <summary>
/// <c>create-admin &lt;email&gt;</c> (docs/accounts.md, "First admin"): brings the schema up to date, makes the person an
/// admin (created with a one-time password printed once, or an existing person promoted with their password
/// unchanged) and exits; 0 on success, 2 on bad input, 1 when the database refuses. Both hosts take it.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static bool IsRequested(string[] args) => args is [Name, ..];

    /// <param name="addServices">The host's own service wiring (the ticket service's, or the agent host's embedded one).</param>
    public static async Task<int> RunAsync(string[] args, Action<IServiceCollection, IConfiguration> addServices, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(addServices);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not [Name, var email] || !new EmailAddressAttribute().IsValid(email) || email.Trim() != email)
        {
            await error.WriteLineAsync($"Usage: {Name} <email>   (one email address, e.g. {Name} admin@example.com)");
            return 2;
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        // Only what the command says goes to the console: the one-time password must not drown in start-up logs.
        builder.Logging.ClearProviders();
        addServices(builder.Services, builder.Configuration);
        await using var app = builder.Build();
        try
        {
            if (app.Services.GetService<FirstAdmin>() is not { } firstAdmin)
            {
                await error.WriteLineAsync("This host keeps no accounts (TICKET_API_URL is set): run create-admin where the ticket database is, the ticket service.");
                return 2;
            }
            using var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            foreach (var startup in app.Services.GetServices<IHostedService>().OfType<DatabaseStartup>())
            {
                await startup.StartAsync(stopping.Token);
            }
            var password = OneTimePassword.Generate();
            var (outcome, errors) = await firstAdmin.CreateOrPromoteAsync(email, password, stopping.Token);
            if (errors.Count > 0)
            {
                await error.WriteLineAsync($"{email} could not be made an admin: {string.Join(" ", errors)}");
                return 1;
            }
            await output.WriteLineAsync(outcome switch
            {
                FirstAdminOutcome.Created => $"Created admin {email}. One-time password (shown once): {password}\n" +
                                             "Sign in with it (POST /api/account/login) and set your own with POST /api/account/manage/info.",
                FirstAdminOutcome.Promoted => $"{email} is now an admin; their password is unchanged.",
                _ => $"{email} is already an admin; nothing changed.",
            });
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException or OperationCanceledException)
        {
            await error.WriteLineAsync($"create-admin failed: {exception.Message}");
            return 1;
        }
    }
}
