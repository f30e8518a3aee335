using System.Threading.Channels;
using TicketApi.Data;

namespace TicketApi.Mail;

/// <summary>
/// Wakes the sender when mail becomes visible (<see cref="CommitSignal{TRow}"/>). Staging itself cannot signal,
/// because the rows do not exist for another connection until the commit.
/// </summary>
public sealed class OutboxCommitSignal : CommitSignal<OutboxMail>
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Wakes the sender (many calls before it wakes count as one).</summary>
    public override void Notify() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look anyway.
        }
    }
}
