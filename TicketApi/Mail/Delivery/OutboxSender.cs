using TicketApi.Mail.Smtp;

namespace TicketApi.Mail.Delivery;

/// <summary>
/// Delivers the outbox (docs/mail.md, "Delivery"): claims due mail, sends it over SMTP, marks it <c>SENT</c> the
/// moment the server has accepted it; a failure counts an attempt and schedules the next with exponential
/// backoff and jitter, up to <see cref="MailSettings.MaxAttempts"/>, then <c>FAILED</c>. It sleeps until the next
/// mail is due or <see cref="OutboxCommitSignal"/> says new mail was committed, and looks anyway every
/// <see cref="MailSettings.Poll"/> (mail staged by another process sends no signal here). Without
/// <c>SMTP_HOST</c> it does nothing, and mail stays <c>QUEUED</c>.
/// </summary>
public sealed partial class OutboxSender(
    MailSettings settings,
    OutboxCommitSignal signal,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    /// <summary>After a database failure the sender waits this long before it looks again.</summary>
    private static readonly TimeSpan DatabaseRetry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.SendingEnabled)
        {
            LogSendingOff();
            return;
        }
        LogStarted(settings.ToString());
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan wait;
                try
                {
                    wait = await DeliverDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogDatabaseFailed(ex);
                    wait = DatabaseRetry;
                }
                await signal.WaitAsync(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A stop: a mail in hand keeps its lease and is due again once that runs out.
        }
    }

    /// <summary>Delivers every due mail, a batch at a time; returns how long to sleep before the next is due.</summary>
    private async Task<TimeSpan> DeliverDueAsync(CancellationToken stoppingToken)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        while (true)
        {
            var claims = await store.ClaimDueAsync(BatchSize, settings.Lease, stoppingToken);
            foreach (var claim in claims)
            {
                await DeliverAsync(store, claim, stoppingToken);
            }
            if (claims.Count < BatchSize)
            {
                break;
            }
        }
        var next = await store.NextDueAsync(stoppingToken);
        var wait = next is { } due ? due - clock.GetUtcNow().UtcDateTime : settings.Poll;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > settings.Poll ? settings.Poll : wait;
    }

    private async Task DeliverAsync(OutboxStore store, OutboxStore.Claim claim, CancellationToken stoppingToken)
    {
        var mail = claim.Mail;
        SmtpSession? session = null;
        try
        {
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                deadline.CancelAfter(settings.Timeout);
                try
                {
                    session = await SmtpSession.OpenAsync(settings, deadline.Token);
                    await session.SendAsync(settings.From!.Address, mail.ToAddress, MailMessageWriter.Write(mail, settings.From), deadline.Token);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    await FailedAsync(store, claim, Describe(ex, deadline.IsCancellationRequested), ex is SmtpException { Permanent: true });
                    return;
                }
            }
            // The window (docs/mail.md): the server has the mail; until this write commits, a crash would send it again.
            // Not cancelled by a stop, so a stop that arrives now cannot widen it.
            if (!await store.MarkSentAsync(claim, CancellationToken.None))
            {
                LogClaimLost(mail.Id);
            }
            else
            {
                LogSent(mail.Id, mail.Kind, mail.TicketId, mail.MessageId);
            }
            using var goodbye = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            goodbye.CancelAfter(TimeSpan.FromSeconds(5));
            await session.QuitAsync(goodbye.Token);
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    private async Task FailedAsync(OutboxStore store, OutboxStore.Claim claim, string error, bool permanent)
    {
        var attempts = claim.Mail.Attempts;
        TimeSpan? retry = permanent || attempts >= settings.MaxAttempts ? null : Backoff(attempts);
        await store.MarkFailedAsync(claim, error, retry, CancellationToken.None);
        if (retry is { } delay)
        {
            LogRetry(claim.Mail.Id, attempts, settings.MaxAttempts, delay.TotalSeconds, error);
        }
        else
        {
            LogGaveUp(claim.Mail.Id, attempts, error);
        }
    }

    /// <summary>
    /// Exponential, capped, with "equal jitter" (half fixed, half random): senders that failed together do not
    /// all come back at the same instant, and no retry comes sooner than half its step.
    /// </summary>
    private TimeSpan Backoff(int attempts)
    {
        var step = settings.RetryBase.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(step, settings.RetryCap.TotalSeconds);
        return TimeSpan.FromSeconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }

    private string Describe(Exception ex, bool timedOut) => timedOut
        ? $"No answer within {settings.Timeout.TotalSeconds} s (SMTP_TIMEOUT_SECONDS) from {settings.Host}:{settings.Port}."
        : ex switch
        {
            SmtpException => ex.Message,
            System.Net.Sockets.SocketException socket => $"Could not connect to {settings.Host}:{settings.Port}: {socket.Message}.",
            System.Security.Authentication.AuthenticationException => $"TLS with {settings.Host} failed: {ex.Message}",
            IOException => $"The connection to {settings.Host}:{settings.Port} broke: {ex.Message}",
            _ => $"{ex.GetType().Name}: {ex.Message}",
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound mail is off (SMTP_HOST unset): mail is kept in the outbox, QUEUED.")]
    private partial void LogSendingOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound mail: {Settings}.")]
    private partial void LogStarted(string settings);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} ({Kind}, ticket {TicketId}) sent as {MessageId}.")]
    private partial void LogSent(long mailId, string kind, long ticketId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} attempt {Attempt} of {MaxAttempts} failed; next in {Seconds:0.#} s: {Error}")]
    private partial void LogRetry(long mailId, int attempt, int maxAttempts, double seconds, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MailId} FAILED after {Attempts} attempt(s): {Error}")]
    private partial void LogGaveUp(long mailId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} was sent but its claim had run out meanwhile; another sender may send it again (same Message-ID).")]
    private partial void LogClaimLost(long mailId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox could not be read or written; trying again shortly.")]
    private partial void LogDatabaseFailed(Exception exception);
}
