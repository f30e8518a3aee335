namespace TicketApi.Channels.Freshdesk;

/// <summary>
/// One cycle of the connector: post the approved replies waiting, then poll for new and updated tickets; the
/// result goes to the <see cref="ChannelStatusBoard"/> as <c>freshdesk</c> (shown on /health). A cycle that fails
/// (Freshdesk refused the key, or gave no answer within max_retries) ends there with the status failing and the
/// error in words that name no credential; what it committed before stays, and the next cycle carries on from it.
/// </summary>
public sealed partial class FreshdeskConnector(
    IServiceScopeFactory scopes, IHttpClientFactory httpClients, FreshdeskSettings settings, FreshdeskDelays delays,
    ChannelStatusBoard board, ILogger<FreshdeskConnector> logger) : IDisposable
{
    public const string Channel = "freshdesk";
    public const string HttpClientName = "freshdesk";

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task RunCycleAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        var imported = 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var client = new FreshdeskClient(httpClients.CreateClient(HttpClientName), settings, delays);
            var posted = await scope.ServiceProvider.GetRequiredService<FreshdeskReplySender>().SendQueuedAsync(client, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<FreshdeskPoller>().PollAsync(client, count => imported += count, cancellationToken);
            board.ReportSuccess(Channel, imported);
            LogCycle(logger, imported, posted);
        }
        catch (FreshdeskException exception)
        {
            board.ReportFailure(Channel, exception.Message, imported);
            LogFailure(logger, exception.Message);
        }
        catch (System.Text.Json.JsonException exception)
        {
            // A proxy's error page or a changed API: the cycle fails, the worker lives on to try again.
            var error = $"Freshdesk answered with something other than the documented JSON ({exception.Message})";
            board.ReportFailure(Channel, error, imported);
            LogFailure(logger, error);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // The ticket database (busy, restarting): nothing half-written stays, and the next cycle carries on.
            var error = $"The ticket database refused a write ({exception.Message})";
            board.ReportFailure(Channel, error, imported);
            LogFailure(logger, error);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Freshdesk cycle: {Imported} tickets and conversations imported, {Posted} replies posted.")]
    private static partial void LogCycle(ILogger logger, int imported, int posted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Freshdesk cycle failed: {Error}")]
    private static partial void LogFailure(ILogger logger, string error);
}

/// <summary>Runs the connector's cycles, one poll interval apart, for as long as the host runs.</summary>
public sealed class FreshdeskWorker(FreshdeskConnector connector, FreshdeskSettings settings, FreshdeskDelays delays, ChannelStatusBoard board) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        board.Register(FreshdeskConnector.Channel);
        while (!stoppingToken.IsCancellationRequested)
        {
            await connector.RunCycleAsync(stoppingToken);
            await delays.WaitAsync(settings.PollInterval, stoppingToken);
        }
    }
}
