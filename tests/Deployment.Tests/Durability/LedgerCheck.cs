using AgentTickets.Testing;

namespace Deployment.Tests.Durability;

/// <summary>
/// What a restarted ticket service must show after a crash: every ticket the ledger holds, with its
/// acknowledged status (or the unanswered change after it), and a search index that agrees with the rows.
/// </summary>
internal static class LedgerCheck
{
    /// <summary>Fails unless the service holds the ledger; says how many unanswered writes had landed anyway.</summary>
    /// <returns>Tickets the service holds that no 201 announced, and status changes it applied whose 200 never came.</returns>
    public static async Task<(int UnansweredCreates, int UnansweredChanges)> AssertHoldsAsync(ServiceProcess service, WriteLedger ledger)
    {
        using var http = new HttpClient { BaseAddress = service.Url, Timeout = TimeSpan.FromSeconds(20) };
        var reader = new TicketApiReader(http);
        var stored = await reader.ReadAllAsync();
        var entries = ledger.Snapshot();

        Assert.All(entries, entry =>
        {
            Assert.True(stored.TryGetValue(entry.Id, out var ticket), $"acknowledged ticket {entry.Id} ({entry.Word}) is gone");
            Assert.Contains(entry.Word, ticket.Title);
            // The acknowledged status, or the change sent after it whose answer the kill cut off.
            Assert.True(
                ticket.Status == entry.Acknowledged || ticket.Status == entry.Unacknowledged,
                $"ticket {entry.Id} is {ticket.Status}; acknowledged {entry.Acknowledged}, unanswered {entry.Unacknowledged ?? "none"}");
        });

        // The search index holds every row (each title carries the marker word) ...
        var (markerCount, _) = await reader.SearchAsync(DrillLoad.MarkerWord);
        Assert.Equal(stored.Count, markerCount);
        // ... and finds each of a spread of acknowledged tickets by its own word, and nothing else.
        var step = Math.Max(1, entries.Count / 25);
        foreach (var entry in entries.Where((_, index) => index % step == 0).Append(entries[^1]))
        {
            var (count, ids) = await reader.SearchAsync(entry.Word);
            Assert.True(count == 1 && ids[0] == entry.Id, $"search for {entry.Word} found [{string.Join(", ", ids)}], expected [{entry.Id}]");
        }

        return (
            stored.Count - entries.Count,
            entries.Count(entry => entry.Unacknowledged is not null && stored[entry.Id].Status == entry.Unacknowledged && entry.Unacknowledged != entry.Acknowledged));
    }
}
