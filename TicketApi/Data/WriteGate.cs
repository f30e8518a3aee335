namespace TicketApi.Data;

/// <summary>
/// Lets one write at a time reach SQLite from this process. SQLite takes one writer anyway; without the
/// gate, concurrent writers meet SQLITE_BUSY and back off by sleeping (p99 of a create was 600 ms under
/// 32 concurrent clients), whereas queued writers are handed the turn at once.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}
