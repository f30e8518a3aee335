using Microsoft.AspNetCore.Authentication;
using TicketApi.Data;

namespace TicketApi.Accounts.Keys;

/// <summary>API keys: their store, their authentication scheme and their routes (docs/accounts.md, "API keys").</summary>
public static class ApiKeysExtensions
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services, TicketDatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Kind == TicketStoreKind.PostgreSql)
        {
            services.AddSingleton<ApiKeyStore, PostgresApiKeyStore>();
        }
        else
        {
            services.AddSingleton<ApiKeyStore, SqliteApiKeyStore>();
        }
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiKeyJsonContext.Default));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AccountSchemes.ApiKey, null);
        return services;
    }

    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        app.MapApiKeyEndpoints();
        return app;
    }
}
