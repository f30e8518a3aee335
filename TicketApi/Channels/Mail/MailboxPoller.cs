using System.Net.Sockets;
using System.Security.Authentication;
using TicketApi.Channels.Mail.Imap;

namespace TicketApi.Channels.Mail;

/// <summary>
/// Polls the mailbox every <see cref="MailboxSettings.Poll"/> (docs/channels.md, "Inbound mail") and reports each
/// poll on the channel status board as <c>mailbox</c> (shown on <c>/health</c>). A failed poll (server down, login
/// refused, database away) is reported with what failed, never a password, and tried again at the next interval;
/// nothing is lost, because only imported mail is flagged. Without <c>IMAP_HOST</c> it does nothing.
/// </summary>
public sealed partial class MailboxPoller(
    MailboxSettings settings, MailboxPoll poll, ChannelStatusBoard board, TimeProvider clock, ILogger<MailboxPoller> logger) : BackgroundService
{
    public const string Channel = "mailbox";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }
        LogStarted(settings.ToString());
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await PollOnceAsync(stoppingToken);
                await Task.Delay(settings.Poll, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A stop: a mail imported but not yet flagged is found remembered by the next start.
        }
    }

    /// <summary>One poll under <see cref="MailboxSettings.Timeout"/>, its outcome on the status board.</summary>
    public async Task PollOnceAsync(CancellationToken stoppingToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(settings.Timeout);
        try
        {
            var result = await poll.RunAsync(deadline.Token);
            if (result.Skipped.Count > 0)
            {
                board.ReportFailure(Channel, string.Join("; ", result.Skipped), result.Imported, result.Ignored);
            }
            else
            {
                board.ReportSuccess(Channel, result.Imported, result.Ignored);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            var error = Describe(ex, deadline.IsCancellationRequested);
            LogPollFailed(error, ex);
            board.ReportFailure(Channel, error);
        }
    }

    /// <summary>What failed, in words for the status; exceptions of our own client already name the server and never a secret.</summary>
    private string Describe(Exception ex, bool timedOut) => ex switch
    {
        _ when timedOut => $"The poll of {settings.Host}:{settings.Port} took longer than IMAP_TIMEOUT_SECONDS ({settings.Timeout.TotalSeconds} s).",
        ImapException => ex.Message,
        SocketException socket => $"Cannot reach {settings.Host}:{settings.Port}: {socket.SocketErrorCode}.",
        AuthenticationException => $"TLS with {settings.Host}:{settings.Port} failed: {ex.Message}",
        IOException => $"The connection to {settings.Host}:{settings.Port} broke: {ex.Message}",
        _ => $"The poll failed ({ex.GetType().Name}): {ex.Message}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling the mailbox {Mailbox}.")]
    private partial void LogStarted(string mailbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mailbox poll failed: {Error} It is tried again at the next interval.")]
    private partial void LogPollFailed(string error, Exception exception);
}
