using AgentHost.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using TicketApi.Accounts;

namespace AgentHost.Desk;

/// <summary>
/// The web desk (docs/desk.md): Razor Pages under this folder, served by the agent host at <c>/</c>. Pages read
/// through the embedded ticket service's own classes in the request's scope, so they render the same data the
/// REST API answers with, as the signed-in person; everything a page changes goes through the REST API from the
/// page's script, so the API's rules (roles, lifecycle, versions) are the only rules.
/// </summary>
public static class DeskExtensions
{
    /// <summary>Which access each page folder asks for (docs/accounts.md, "Who may do what").</summary>
    private static readonly (string Folder, Access Access)[] FolderAccess =
    [
        ("/Portal", Access.Read),
        ("/Queue", Access.StaffRead),
        ("/Tickets", Access.StaffRead),
        ("/Knowledge", Access.StaffRead),
        ("/Analytics", Access.StaffRead),
        ("/Admin", Access.Admin),
    ];

    /// <summary>Call after the MCP server's registration: the desk's sign-in redirect wraps its challenge.</summary>
    public static IServiceCollection AddDesk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!AgentHostingExtensions.EmbedsTicketService(configuration))
        {
            return services;
        }

        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Desk";
            foreach (var (folder, access) in FolderAccess)
            {
                options.Conventions.AuthorizeFolder(folder, AccessPolicies.Name(access));
            }
            options.Conventions.AllowAnonymousToFolder("/Account");
        });
        // The framework asks for one result handler; MCP already put its challenge on it, so the desk's wraps it.
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IAuthorizationMiddlewareResultHandler));
        if (inner is not null)
        {
            services.Remove(inner);
        }
        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(provider => new DeskSignInRedirect(inner switch
        {
            null => new AuthorizationMiddlewareResultHandler(),
            { ImplementationInstance: IAuthorizationMiddlewareResultHandler instance } => instance,
            { ImplementationType: { } type } => (IAuthorizationMiddlewareResultHandler)ActivatorUtilities.CreateInstance(provider, type),
            { ImplementationFactory: { } factory } => (IAuthorizationMiddlewareResultHandler)factory(provider),
            _ => throw new InvalidOperationException("The authorization result handler registered before the desk cannot be wrapped."),
        }));
        services.AddScoped<Admin.DeskSetup>(); // the admin page's read-only facts of how the desk is set up
        return services;
    }

    /// <summary>
    /// The desk's styles, scripts and vendored libraries from wwwroot, ahead of sign-in: the sign-in page needs
    /// them before anyone is signed in, and none of them holds data. Call before the accounts middleware.
    /// </summary>
    public static WebApplication UseDeskFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStaticFiles();
        return app;
    }

    /// <summary>The pages; nothing when the ticket service is remote (the desk reads it in-process).</summary>
    public static WebApplication MapDesk(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (AgentHostingExtensions.EmbedsTicketService(app.Configuration))
        {
            app.MapRazorPages();
        }

        return app;
    }
}
