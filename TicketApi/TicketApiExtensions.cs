using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using TicketApi.Accounts;
using TicketApi.Analytics;
using TicketApi.Assignment;
using TicketApi.Audit;
using TicketApi.Channels.Freshdesk;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Drafts;
using TicketApi.Drafts.Writing;
using TicketApi.Endpoints;
using TicketApi.Http;
using TicketApi.KnowledgeBase;
using TicketApi.Limits;
using TicketApi.Mail;
using TicketApi.ModelTriage;
using TicketApi.OpenApi;
using TicketApi.Querying;
using TicketApi.Ratings;
using TicketApi.Tickets;
using TicketApi.Triage;

namespace TicketApi;

/// <summary>
/// How a host takes the ticket service on board: the stand-alone TicketApi and the agent host (which
/// embeds it in its own process) both wire it with these two calls.
/// </summary>
public static class TicketApiExtensions
{
    /// <summary>
    /// Registers the database (<c>ConnectionStrings:Tickets</c>, default <c>Data Source=data/tickets.db</c>;
    /// a PostgreSQL connection string or URL picks PostgreSQL: docs/storage.md), schema start-up, the
    /// ticket services and problem details.
    /// </summary>
    public static IServiceCollection AddTicketApi(this IServiceCollection services, IConfiguration configuration)
    {
        var database = new TicketDatabaseOptions
        {
            ConnectionString = configuration.GetConnectionString("Tickets") ?? TicketDatabaseOptions.DefaultConnectionString,
        };
        services.Configure<TicketDatabaseOptions>(o => o.ConnectionString = database.ConnectionString);
        services.AddHostedService<DatabaseStartup>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Channels.ChannelStatusBoard>();
        services.AddSingleton(new WriteGate(database.Kind));
        if (database.Kind == TicketStoreKind.PostgreSql)
        {
            AddPostgresStore(services, database.ConnectionString);
        }
        else
        {
            AddSqliteStore(services, database.ConnectionString);
        }
        services.AddOfflineTriager();
        services.AddModelTriage(configuration);
        services.AddSingleton<ChangeJournal>();
        services.TryAddSingleton(TriageOnCreate.Always);
        services.AddScoped<TicketStore>();
        services.AddScoped<ConversationStore>();
        services.AddScoped<TicketConversations>();
        services.AddSingleton<BulkRetriage>();
        services.AddSingleton<TicketPageCache>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, TicketJsonContext.Default));
        services.AddRequestLimitErrors();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddTicketOpenApi();
        services.AddKnowledgeBase(configuration, database.Kind);
        services.AddDraftWriting(configuration);
        services.AddFreshdesk(configuration); // before AddMail: it wraps the outbox (docs/channels.md)
        services.AddMail(configuration);
        Channels.Mail.MailboxExtensions.AddMailbox(services, configuration);
        services.AddDrafts();
        services.AddAccounts(configuration, database);
        services.AddAudit(configuration);
        services.AddAssignment();
        services.AddRatings(configuration);
        services.AddAnalytics();
        services.AddRateLimits(configuration);
        return services;
    }

    // Pooled contexts: the writes then cost no context construction per request.
    private static void AddSqliteStore(IServiceCollection services, string connectionString)
    {
        services.AddDbContextPool<TicketDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(new SqliteConnectionSetup(), provider.GetRequiredService<OutboxCommitSignal>(), provider.GetRequiredService<Events.TicketEventSignal>()));
        services.AddSingleton<TicketReader, SqliteTicketReader>();
        services.AddSingleton<TicketQueryRunner, SqliteTicketQueryRunner>();
        services.AddSingleton<BulkRetriageSql, SqliteBulkRetriageSql>();
    }

    /// <summary>One Npgsql data source (one connection pool) serves EF's writes and the plain-SQL reads.</summary>
    private static void AddPostgresStore(IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddDbContextPool<TicketDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(provider.GetRequiredService<OutboxCommitSignal>(), provider.GetRequiredService<Events.TicketEventSignal>()));
        services.AddSingleton<TicketReader, PostgresTicketReader>();
        services.AddSingleton<TicketQueryRunner, PostgresTicketQueryRunner>();
        services.AddSingleton<BulkRetriageSql, PostgresBulkRetriageSql>();
    }

    /// <summary>Maps <c>/api/tickets/</c>, its item routes, <c>/api/tickets/{id}/triage</c>, <c>/api/tickets/triage</c>, <c>/api/tickets/{id}/messages</c>, <c>/api/tickets/{id}/draft</c>, <c>/api/articles/</c> and <c>/api/outbox/</c>.</summary>
    public static IEndpointRouteBuilder MapTicketApi(this IEndpointRouteBuilder app)
    {
        app.MapTicketEndpoints();
        app.MapTicketTriageEndpoints();
        app.MapTicketMessageEndpoints();
        app.MapKnowledgeBase();
        app.MapTicketBulkTriageEndpoints();
        app.MapMail();
        app.MapDrafts();
        app.MapAccounts();
        app.MapAudit();
        app.MapAssignment();
        app.MapRatings();
        app.MapAnalytics();
        return app;
    }
}
