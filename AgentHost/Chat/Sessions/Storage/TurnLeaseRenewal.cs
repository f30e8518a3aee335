namespace AgentHost.Chat.Sessions.Storage;

/// <summary>
/// Keeps a running turn's claim alive: every third of <see cref="ChatSessionOptions.TurnLease"/> the lease
/// starts again (<see cref="ChatSessionRepository.RenewAsync"/>), so only a host that stopped renewing (it
/// died) loses its session to another host, however long a live turn takes (docs/chat-sse.md, "Where sessions
/// are stored"). Runs until the turn's token is cancelled or the claim is found gone.
/// </summary>
public static class TurnLeaseRenewal
{
    public static async Task RunAsync(
        ChatSessionRepository repository, ClaimedSession claim, TimeSpan lease, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        using var timer = new PeriodicTimer(lease / 3, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    if (!await repository.RenewAsync(claim, timeProvider.GetUtcNow(), cancellationToken))
                    {
                        return; // no longer ours: the turn will find out when it saves
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database hiccup costs one renewal, not the turn; the next tick tries again.
                    logger.LogWarning(ex, "Could not renew the turn lease on session {SessionId}", claim.Id);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The turn ended.
        }
    }
}
