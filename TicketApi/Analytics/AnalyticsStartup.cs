namespace TicketApi.Analytics;

/// <summary>
/// After the schema step that adds the counters, fills them from the tickets already there before the server
/// takes requests (docs/analytics.md, "Rebuild"). Registered after the database start-up, so it runs after it.
/// </summary>
public sealed class AnalyticsStartup(IServiceScopeFactory scopes, ILogger<AnalyticsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rebuild = scope.ServiceProvider.GetRequiredService<AnalyticsRebuild>();
        if (!await rebuild.IsBuiltAsync(cancellationToken))
        {
            var tickets = await rebuild.RunAsync(cancellationToken);
            logger.LogInformation("Analytics counters built from {Tickets} tickets.", tickets);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
