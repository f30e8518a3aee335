using System.Threading.Channels;

namespace TicketApi.ModelTriage;

/// <summary>
/// Ticket ids waiting for the model, handed from the request path to <see cref="ModelTriageWorker"/>. Bounded,
/// and a write never waits: a create must not slow down because the model is slow. An id that does not fit
/// is not lost (its ticket is <c>pending</c> in the database); the worker sweeps the database for pending
/// tickets once it has drained the queue (docs/triage.md, "Triage by a model").
/// </summary>
public sealed class ModelTriageInbox
{
    private readonly Channel<long>? _channel;
    private int _overflowed;

    public ModelTriageInbox(ModelTriageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Enabled)
        {
            _channel = Channel.CreateBounded<long>(new BoundedChannelOptions(settings.QueueCapacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait, // TryWrite then answers false instead of dropping an older id
            });
        }
    }

    /// <summary>False when no model is configured: tickets are triaged by the rules alone and nothing is queued.</summary>
    public bool Enabled => _channel is not null;

    /// <summary>Asks for the ticket to be triaged by the model; returns at once.</summary>
    public void Enqueue(long ticketId)
    {
        if (_channel is not null && !_channel.Writer.TryWrite(ticketId))
        {
            Interlocked.Exchange(ref _overflowed, 1);
            // The worker may have drained the inbox and looked at the flag between the failed write and the
            // flag: then there is room now and this write wakes it. Still full: it has items to read and
            // sees the flag once they are done. Either way the ticket is not left waiting for a restart.
            _channel.Writer.TryWrite(ticketId);
        }
    }

    internal ChannelReader<long> Reader => _channel?.Reader ?? throw new InvalidOperationException("Model triage is off.");

    /// <summary>True once after an id did not fit: the worker should sweep the database for pending tickets.</summary>
    internal bool TakeOverflow() => Interlocked.Exchange(ref _overflowed, 0) == 1;
}
