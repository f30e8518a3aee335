namespace AgentHost.Chat.Sessions;

/// <summary>One frame of a turn with its place in the turn (1, 2, ...); 0 is the turn's opening id-only block.</summary>
public sealed record SequencedFrame(int Sequence, ChatStreamEvent Event);

/// <summary>
/// One chat turn's journal: the frames it produced, kept (bounded) so that a client reconnecting with
/// <c>Last-Event-ID</c> or retrying with the same <c>Idempotency-Key</c> gets the answer again instead of
/// running the turn again (docs/chat-sse.md, "Reconnects and retries"). Frames are appended by the one request
/// that runs the turn; any number of readers follow them live until the terminal frame.
/// </summary>
public sealed class ChatTurn
{
    private readonly Lock _gate = new();
    private readonly List<SequencedFrame> _frames = [];
    private readonly int _maxFrames;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lastSequence;

    public ChatTurn(string sessionId, int number, string message, string? idempotencyKey, int maxFrames)
    {
        SessionId = sessionId;
        Number = number;
        Message = message;
        IdempotencyKey = idempotencyKey;
        _maxFrames = maxFrames;
    }

    public string SessionId { get; }

    /// <summary>1 for a session's first turn, then 2, 3, ...</summary>
    public int Number { get; }

    /// <summary>The person's message, compared when an <c>Idempotency-Key</c> is reused.</summary>
    public string Message { get; }

    public string? IdempotencyKey { get; }

    public bool IsFinished
    {
        get
        {
            lock (_gate)
            {
                return _frames.Count > 0 && _frames[^1].Event.IsTerminal;
            }
        }
    }

    /// <summary>The highest sequence number handed out so far.</summary>
    public int LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>
    /// Records a frame and wakes the readers. Past the bound only the terminal frame is kept: a resumed
    /// overlong answer then misses tokens but still ends properly. Frames after the terminal one are refused.
    /// </summary>
    public SequencedFrame Append(ChatStreamEvent frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        TaskCompletionSource wake;
        SequencedFrame sequenced;
        lock (_gate)
        {
            if (_frames.Count > 0 && _frames[^1].Event.IsTerminal)
            {
                throw new InvalidOperationException($"Turn {Number} of session {SessionId} has already ended.");
            }

            sequenced = new SequencedFrame(++_lastSequence, frame);
            if (_frames.Count < _maxFrames || frame.IsTerminal)
            {
                _frames.Add(sequenced);
            }

            wake = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
        return sequenced;
    }

    /// <summary>
    /// Runs <paramref name="events"/> (the turn itself) into the journal, passing each frame on. If the run stops
    /// before its terminal frame (the client went away and cancelled it), the journal is closed with an
    /// <c>error</c> frame, so followers end and the session is free again; the turn is never run a second time.
    /// </summary>
    public async IAsyncEnumerable<SequencedFrame> RecordAsync(IAsyncEnumerable<ChatStreamEvent> events,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ended = false;
        try
        {
            await foreach (var item in events.WithCancellation(cancellationToken))
            {
                ended |= item.IsTerminal;
                yield return Append(item);
            }
        }
        finally
        {
            if (!ended)
            {
                Append(ChatStreamEvent.ForError(Interrupted));
            }
        }
    }

    public const string Interrupted =
        "The answer was interrupted because the client that asked disconnected; it will not be run again. Send the message again for a new answer.";

    /// <summary>The frames after <paramref name="afterSequence"/>: those already kept, then new ones as they come, until the terminal frame.</summary>
    public async IAsyncEnumerable<SequencedFrame> FollowAsync(int afterSequence,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            SequencedFrame[] batch;
            Task changed;
            lock (_gate)
            {
                batch = [.. _frames.Where(f => f.Sequence > afterSequence)];
                changed = _changed.Task;
            }

            foreach (var frame in batch)
            {
                yield return frame;
                if (frame.Event.IsTerminal)
                {
                    yield break;
                }

                afterSequence = frame.Sequence;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }
}
