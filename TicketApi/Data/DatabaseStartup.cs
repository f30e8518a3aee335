using Microsoft.Extensions.Options;

namespace TicketApi.Data;

/// <summary>Brings the schema up to date before the server takes requests.</summary>
public sealed class DatabaseStartup(IOptions<TicketDatabaseOptions> options, ILogger<DatabaseStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var database = options.Value;
        database.EnsureFolderExists();
        SchemaMigrator.Migrate(database.ConnectionString);
        logger.LogInformation("Ticket database ready (schema version {Version}).", SchemaMigrator.LatestVersion);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
