using AgentHost.Tickets;
using TicketApi.Accounts;

namespace AgentHost.Accounts;

/// <summary>
/// Accounts of the agent host in remote mode (<c>TICKET_API_URL</c> set; docs/accounts.md, "Remote mode"): the same modes
/// as the ticket service (required beyond loopback or with <c>AUTH_MODE=required</c>), a bearer credential checked by
/// the ticket service and forwarded on every tool call, so the ticket service, which has the accounts, decides.
/// </summary>
public static class RemoteAccountsExtensions
{
    public static IServiceCollection AddRemoteAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AccountSettings.From(configuration));
        services.AddSingleton<AuthModeResolver>();
        services.AddSingleton<RemoteIdentities>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AccountSchemes.Default;
                options.DefaultChallengeScheme = AccountSchemes.Default;
                options.DefaultForbidScheme = AccountSchemes.Default;
            })
            .AddPolicyScheme(AccountSchemes.Default, "Bearer credential checked by the ticket service, or local", options =>
            {
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? RemoteCredentialHandler.Name : AccountSchemes.Local;
                options.ForwardChallenge = AccountSchemes.Local;
                options.ForwardForbid = AccountSchemes.Local;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, LocalAuthenticationHandler>(AccountSchemes.Local, null)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, RemoteCredentialHandler>(RemoteCredentialHandler.Name, null);
        services.AddAuthorization(AccessPolicies.Add);
        services.AddHttpClient(TicketApiClient.HttpClientName).AddHttpMessageHandler(() => new ForwardCredentialHandler());
        return services;
    }

    /// <summary>Signs requests in, then keeps each request's credential for the ticket service's client (<see cref="ForwardedCredential"/>).</summary>
    public static IApplicationBuilder UseRemoteAccounts(this IApplicationBuilder app)
    {
        app.UseAccounts();
        app.Use(async (context, next) =>
        {
            ForwardedCredential.Set(context.Request.Headers.Authorization.ToString());
            await next(context);
        });
        return app;
    }
}
