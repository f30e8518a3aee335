using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TicketApi.Accounts.Admin;
using TicketApi.Accounts.Keys;
using TicketApi.Accounts.OpenApi;
using TicketApi.Accounts.Users;
using TicketApi.Contracts;
using TicketApi.Data;

namespace TicketApi.Accounts;

/// <summary>
/// Accounts and roles on ASP.NET Core Identity, the modes, and the acting person of each request
/// (docs/accounts.md). Both hosts call <see cref="AddAccounts"/> (through AddTicketApi) and <see cref="UseAccounts"/>.
/// </summary>
public static class AccountsExtensions
{
    public const string BasePath = "/api/account";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, TicketDatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(AccountSettings.From(configuration));
        services.AddSingleton<AuthModeResolver>();
        services.AddSigningKeys(configuration, database);
        if (database.Kind == TicketStoreKind.PostgreSql)
        {
            services.AddDbContext<AccountsDbContext>((provider, options) => options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
        }
        else
        {
            services.AddDbContext<AccountsDbContext>(options => options.UseSqlite(database.ConnectionString).AddInterceptors(new SqliteConnectionSetup()));
        }

        // Identity's API endpoints bring the bearer-token and cookie schemes; ours picks between them per request.
        services.AddIdentityApiEndpoints<IdentityUser>(options => options.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AccountSchemes.Default;
                options.DefaultChallengeScheme = AccountSchemes.Default;
                options.DefaultForbidScheme = AccountSchemes.Default;
            })
            .AddPolicyScheme(AccountSchemes.Default, "Bearer token, API key, sign-in cookie or local", options =>
            {
                options.ForwardDefaultSelector = AccountSchemes.Select;
                // One challenge for every credential: 401 with WWW-Authenticate, never a redirect to a login page.
                options.ForwardChallenge = AccountSchemes.Local;
                options.ForwardForbid = AccountSchemes.Local;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, LocalAuthenticationHandler>(AccountSchemes.Local, null)
            .AddScheme<StoredPersonOptions, StoredPersonHandler>(AccountSchemes.StoredBearer, options => options.Inner = IdentityConstants.BearerScheme)
            .AddScheme<StoredPersonOptions, StoredPersonHandler>(AccountSchemes.StoredCookie, options => options.Inner = IdentityConstants.ApplicationScheme);
        services.AddAuthorization(AccessPolicies.Add);
        services.AddApiKeys(database);
        services.AddSingleton<RoleCache>();
        services.AddScoped<UserDirectory>();
        services.AddSingleton<FirstAdmin>();
        services.AddHostedService<FirstAdminStartup>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, AccountJsonContext.Default));
        services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddOperationTransformer<AccountOperations>();
            options.AddOperationTransformer<ApiKeyOperations>();
            options.AddDocumentTransformer<AccountSecurityScheme>();
        });
        return services;
    }

    /// <summary>
    /// Authentication, then the acting person for the rest of the request (<see cref="ActingContext"/>), then
    /// authorization. Call after CORS and before the endpoints.
    /// </summary>
    public static IApplicationBuilder UseAccounts(this IApplicationBuilder app)
    {
        AccountsBanner.LogWhenStarted(app);
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            var actor = ActorClaims.FromPrincipal(context.User) ?? Actor.Anonymous;
            using (ActingContext.Enter(new Acting(actor, ChannelOf(context.Request))))
            {
                await next(context);
            }
        });
        app.UseAuthorization();
        return app;
    }

    /// <summary>The header the web desk's scripts send with their REST calls, so the history says "web" (provenance only, never access).</summary>
    public const string ChannelHeader = "X-AgentTickets-Channel";

    /// <summary>The channel of a request: the chat and MCP endpoints are their own; the desk's REST calls are the web; the rest is REST.</summary>
    public static string ChannelOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = ChannelOf(request.Path);
        return channel == TicketMessageChannels.Rest
            && string.Equals(request.Headers[ChannelHeader], TicketMessageChannels.Web, StringComparison.OrdinalIgnoreCase)
            ? TicketMessageChannels.Web
            : channel;
    }

    /// <summary>The channel a request arrives through: the chat and MCP endpoints are their own; the rest is REST.</summary>
    public static string ChannelOf(PathString path) =>
        path.StartsWithSegments("/chat") ? TicketMessageChannels.Chat
        : path.StartsWithSegments("/mcp") ? TicketMessageChannels.Mcp
        : TicketMessageChannels.Rest;

    /// <summary>
    /// Identity's API endpoints under <c>/api/account</c> (register, login, refresh, manage). All but
    /// <c>/manage</c> are open to anonymous requests in every mode; registration answers 403 when turned off.
    /// </summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath).WithTags("Accounts");
        group.MapIdentityApi<IdentityUser>();
        // A group of its own: the convention below opens Identity's sign-in routes to anonymous requests, never /me.
        app.MapGroup(BasePath).WithTags("Accounts").MapAccountMe();
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && !pattern.Contains("/manage", StringComparison.Ordinal))
            {
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
            }
        });
        app.MapApiKeys();
        group.AddEndpointFilter(ApiKeyAccountGuard.RefuseKeysOnManage);
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.Path.Value?.EndsWith("/register", StringComparison.OrdinalIgnoreCase) == true
                && !http.RequestServices.GetRequiredService<AccountSettings>().AllowRegistration)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Registration is turned off",
                    detail: "This desk does not take registrations (AUTH_ALLOW_REGISTRATION=false); ask an admin for an account.");
            }
            return await next(context);
        });
        app.MapUserEndpoints();
        return app;
    }
}
