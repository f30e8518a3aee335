using TicketApi.Data;
using TicketApi.Tickets;
using TicketApi.Triage;

namespace TicketApi.ModelTriage;

/// <summary>
/// Off the request path, asks the model to triage each queued ticket and writes the answer back
/// (docs/triage.md, "Triage by a model"): fields a person set are kept (checked against the row as it is at
/// write time, with a version-conditional write), any failure marks the record <c>failed</c> and the rules'
/// values stand. One ticket at a time. On start, and after the queue overflowed, it sweeps the database for
/// tickets still <c>pending</c> (left by a stop, or not queued). A stop cancels the ticket in hand, which
/// stays <c>pending</c> for the next start.
/// </summary>
public sealed partial class ModelTriageWorker(
    ModelTriageInbox inbox,
    ModelTriageSettings settings,
    IServiceProvider services,
    ILogger<ModelTriageWorker> logger) : BackgroundService
{
    /// <summary>Times the words may change under the model before its last answer is written anyway.</summary>
    private const int MaxRounds = 3;

    private const int SweepBatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!inbox.Enabled)
        {
            return;
        }
        var model = services.GetRequiredService<ITriageModel>();
        LogStarted(settings.Provider.ToString());
        try
        {
            await SweepAsync(model, stoppingToken);
            while (await inbox.Reader.WaitToReadAsync(stoppingToken))
            {
                while (inbox.Reader.TryRead(out var id))
                {
                    await TriageAsync(model, id, stoppingToken);
                }
                if (inbox.TakeOverflow())
                {
                    await SweepAsync(model, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A stop: what is still pending is swept on the next start.
        }
    }

    /// <summary>Triages every ticket still <c>pending</c>, in id order, a batch at a time.</summary>
    private async Task SweepAsync(ITriageModel model, CancellationToken stoppingToken)
    {
        long after = 0;
        var swept = 0;
        while (true)
        {
            List<long> batch;
            try
            {
                await using var scope = services.CreateAsyncScope();
                batch = await scope.ServiceProvider.GetRequiredService<TicketStore>().PendingTriageAsync(after, SweepBatchSize, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
                return;
            }
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var id in batch)
            {
                await TriageAsync(model, id, stoppingToken);
            }
            after = batch[^1];
            swept += batch.Count;
        }
        if (swept > 0)
        {
            LogSwept(swept);
        }
    }

    private async Task TriageAsync(ITriageModel model, long id, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var reader = scope.ServiceProvider.GetRequiredService<TicketReader>();
            var store = scope.ServiceProvider.GetRequiredService<TicketStore>();
            for (var round = 1; ; round++)
            {
                if (await reader.FindAsync(id, stoppingToken) is not { } ticket || !TicketTriaging.IsPending(ticket.TriageRecord))
                {
                    return; // deleted, or settled already (a ticket can be queued twice)
                }
                var input = new TriageInput(ticket.Title, ticket.Description, ticket.RequesterName);
                var answer = await AskAsync(model, id, input, stoppingToken);
                var reworded = false;
                await store.SettleTriageAsync(id, (current, now) =>
                {
                    reworded = false;
                    if (!TicketTriaging.IsPending(current.TriageRecord))
                    {
                        return null;
                    }
                    if (answer is not null && round < MaxRounds && !SameWords(current, input))
                    {
                        reworded = true; // the answer is about words the ticket no longer has: ask again
                        return null;
                    }
                    return answer is null
                        ? TicketTriaging.Failed(current.TriageRecord!)
                        : TicketTriaging.WithModel(current.TriageRecord!, answer, now);
                }, stoppingToken);
                if (!reworded)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Not the model's failure but ours (the database, a bug): the ticket stays pending for the next sweep.
            LogUnexpected(ex, id);
        }
    }

    /// <summary>The model's answer, or null after logging why there is none (once; without a stack trace when the failure is an expected one).</summary>
    private async Task<TriageOutcome?> AskAsync(ITriageModel model, long id, TriageInput input, CancellationToken stoppingToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(settings.Timeout);
        try
        {
            return await model.TriageAsync(input, deadline.Token);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            if (TriageModelFailure.Describe(ex, settings.Timeout) is { } reason)
            {
                LogFailed(id, reason);
            }
            else
            {
                // Unexpected (an SDK or provider oddity, a bug): still failed, so the ticket does not stay pending, but with its stack trace.
                LogModelError(ex, id);
            }
        }
        return null;
    }

    private static bool SameWords(TicketEntity ticket, TriageInput input) =>
        ticket.Title == input.Title && ticket.Description == input.Description && ticket.RequesterName == input.RequesterName;

    [LoggerMessage(Level = LogLevel.Information, Message = "Tickets are triaged by a model off the request path ({Provider}).")]
    private partial void LogStarted(string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model triage of ticket {TicketId} failed: {Reason}. The rules' answer stands (triage.status failed).")]
    private partial void LogFailed(long ticketId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model triage of ticket {TicketId} failed unexpectedly. The rules' answer stands (triage.status failed).")]
    private partial void LogModelError(Exception exception, long ticketId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Triaged {Count} ticket(s) left pending (a stop, or a full queue).")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model triage of ticket {TicketId} could not be written; it stays pending until the next start.")]
    private partial void LogUnexpected(Exception exception, long ticketId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for tickets pending model triage.")]
    private partial void LogSweepFailed(Exception exception);
}
