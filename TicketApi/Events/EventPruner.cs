namespace TicketApi.Events;

/// <summary>
/// Keeps <c>ticket_events</c> to the newest <see cref="EventSettings.Keep"/> rows, once every
/// <see cref="EventSettings.PruneEvery"/> rather than on every write, so a write costs one insert and no delete.
/// Between two runs the table may hold up to a minute's events more than it keeps.
/// </summary>
public sealed partial class EventPruner(IServiceScopeFactory scopes, EventSettings settings, ILogger<EventPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.PruneEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PruneOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PruneOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EventStore>().PruneAsync(settings.Keep, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database that is away now is tried again next time; the table only grows a little meanwhile.
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the live events failed; trying again at the next interval.")]
    private partial void LogFailed(Exception exception);
}
