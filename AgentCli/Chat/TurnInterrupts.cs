namespace AgentCli.Chat;

/// <summary>
/// Routes Ctrl+C to the answer being streamed, if any. The console handler asks <see cref="TryInterrupt"/>
/// and lets the default (end the process) happen only when no answer is running, so Ctrl+C at the
/// prompt still quits while Ctrl+C during an answer only stops that answer.
/// </summary>
internal sealed class TurnInterrupts
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _current;

    /// <summary>Starts a turn; dispose the returned source when the turn is over.</summary>
    public CancellationTokenSource BeginTurn(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate)
        {
            _current = source;
        }

        return source;
    }

    public void EndTurn(CancellationTokenSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_gate)
        {
            if (ReferenceEquals(_current, source))
            {
                _current = null;
            }
        }

        source.Dispose();
    }

    /// <summary>Cancels the running turn. False when there is none, so the caller can fall back to quitting.</summary>
    public bool TryInterrupt()
    {
        lock (_gate)
        {
            if (_current is null)
            {
                return false;
            }

            _current.Cancel();
            return true;
        }
    }
}
