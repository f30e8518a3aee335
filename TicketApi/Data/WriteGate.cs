namespace TicketApi.Data;

/// <summary>
/// On SQLite, lets one write at a time reach the file from this process. SQLite takes one writer anyway;
/// without the gate, concurrent writers meet SQLITE_BUSY and back off by sleeping (p99 of a create was
/// 600 ms under 32 concurrent clients), whereas queued writers are handed the turn at once. It is a speed
/// measure only: correctness comes from the version-conditional writes, which is why PostgreSQL, where
/// several processes write at once, gets an open gate (docs/storage.md, "Concurrency").
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim? _turn;

    public WriteGate(TicketStoreKind store) => _turn = store == TicketStoreKind.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (_turn is null)
        {
            return await write();
        }
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

    public void Dispose() => _turn?.Dispose();
}
