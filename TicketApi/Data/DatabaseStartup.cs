using Microsoft.Extensions.Options;
using Npgsql;
using TicketApi.Triage;

namespace TicketApi.Data;

/// <summary>Brings the schema up to date before the server takes requests (docs/storage.md, "Schema versions").</summary>
public sealed class DatabaseStartup(IOptions<TicketDatabaseOptions> options, IServiceProvider services, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var database = options.Value;
        int version;
        if (database.Kind == TicketStoreKind.PostgreSql)
        {
            await PostgresSchemaMigrator.MigrateAsync(services.GetRequiredService<NpgsqlDataSource>(), cancellationToken, Triager);
            version = PostgresSchemaMigrator.LatestVersion;
        }
        else
        {
            database.EnsureFolderExists();
            SqliteSchemaMigrator.Migrate(database.ConnectionString, Triager);
            version = SqliteSchemaMigrator.LatestVersion;
        }
        logger.LogInformation("Ticket database ready ({Store}, schema version {Version}).", database.Kind, version);
    }

    /// <summary>The process's one triager, resolved only if the upgrade has tickets to triage.</summary>
    private OfflineTriager Triager() => services.GetRequiredService<OfflineTriager>();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
