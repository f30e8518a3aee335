using Npgsql;
using TicketApi.Data;
using TicketApi.KnowledgeBase.Http;
using TicketApi.KnowledgeBase.OpenApi;
using TicketApi.KnowledgeBase.Starter;
using TicketApi.KnowledgeBase.Storage;

namespace TicketApi.KnowledgeBase;

/// <summary>How the ticket service takes the knowledge base on board (docs/knowledge-base.md).</summary>
public static class KnowledgeBaseExtensions
{
    /// <summary>
    /// The article store on the ticket database, retrieval, the in-process facade, the starter load (after
    /// <see cref="DatabaseStartup"/>, so call this after registering it) and the OpenAPI description.
    /// </summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration configuration, TicketStoreKind store)
    {
        if (store == TicketStoreKind.PostgreSql)
        {
            services.AddSingleton<ArticleDialect>(provider => new PostgresArticleDialect(provider.GetRequiredService<NpgsqlDataSource>()));
        }
        else
        {
            services.AddSingleton<ArticleDialect, SqliteArticleDialect>();
        }
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<KnowledgeBaseSearch>();
        services.AddSingleton<ArticleService>();
        services.AddSingleton(KnowledgeBaseOptions.From(configuration));
        services.AddHostedService<StarterArticleLoader>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ArticleJsonContext.Default));
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer<ArticleSchemas>();
            options.AddOperationTransformer<ArticleOperations>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapKnowledgeBase(this IEndpointRouteBuilder app)
    {
        app.MapArticleEndpoints();
        return app;
    }
}
