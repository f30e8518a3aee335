namespace Deployment.Tests.Durability;

/// <summary>What the drill knows about one ticket it created.</summary>
/// <param name="Word">The word only this ticket's title holds, for the search check.</param>
/// <param name="Acknowledged">The last status the service acknowledged with a 200 (OPEN at creation).</param>
/// <param name="Unacknowledged">A status change sent after that whose answer never came: the kill may
/// have come before or after its commit, so either status is a correct outcome.</param>
internal sealed record LedgerEntry(long Id, string Word, string Acknowledged, string? Unacknowledged);

/// <summary>
/// Every write the ticket service acknowledged during the drill (201 for a create, 200 for a status
/// change), shared by the concurrent load workers. An acknowledged write must survive any crash after it.
/// </summary>
internal sealed class WriteLedger
{
    private readonly Dictionary<long, LedgerEntry> _tickets = [];
    private int _acknowledged;
    private int _words;

    /// <summary>Acknowledged writes since the ledger was made: creates and status changes.</summary>
    public int AcknowledgedWrites => Volatile.Read(ref _acknowledged);

    public int AcknowledgedCreates { get { lock (_tickets) { return _tickets.Count; } } }

    /// <summary>
    /// A fresh word no other ticket contains: "drillw" and a counter in four letters. Fixed length, so no
    /// word is a prefix of another and a prefix-matching search still finds exactly one ticket.
    /// </summary>
    public string NewWord()
    {
        var number = Interlocked.Increment(ref _words);
        var letters = new char[4];
        for (var i = letters.Length - 1; i >= 0; i--, number /= 26)
        {
            letters[i] = (char)('a' + (number % 26));
        }

        return "drillw" + new string(letters);
    }

    public void Created(long id, string word)
    {
        lock (_tickets)
        {
            _tickets.Add(id, new LedgerEntry(id, word, "OPEN", null));
        }

        Interlocked.Increment(ref _acknowledged);
    }

    public void Sending(long id, string status) => Update(id, entry => entry with { Unacknowledged = status });

    public void Acknowledged(long id, string status)
    {
        Update(id, entry => entry with { Acknowledged = status, Unacknowledged = null });
        Interlocked.Increment(ref _acknowledged);
    }

    public IReadOnlyList<LedgerEntry> Snapshot()
    {
        lock (_tickets)
        {
            return [.. _tickets.Values.OrderBy(entry => entry.Id)];
        }
    }

    private void Update(long id, Func<LedgerEntry, LedgerEntry> change)
    {
        lock (_tickets)
        {
            _tickets[id] = change(_tickets[id]);
        }
    }
}
