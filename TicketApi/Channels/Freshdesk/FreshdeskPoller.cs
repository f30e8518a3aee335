using TicketApi.Data;

namespace TicketApi.Channels.Freshdesk;

/// <summary>
/// One poll (docs/channels.md, "Freshdesk connector: polling"): tickets updated since the stored cursor, oldest
/// change first, page by page along the Link header, until <see cref="FreshdeskSettings.TicketLimit"/> tickets were
/// imported or updated (tickets mirrored at their current <c>updated_at</c> already cost no request and do not count).
/// After each page the cursor moves to the last ticket handled, minus a second: Freshdesk's times are whole seconds,
/// so a ticket changed in the same second as the last one handled is listed again rather than missed.
/// </summary>
public sealed class FreshdeskPoller(TicketDbContext db, FreshdeskMirror mirror, WriteGate gate, FreshdeskSettings settings)
{
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(1);

    /// <param name="imported">Counts tickets and conversations imported as they commit, so a cycle cut short still reports them.</param>
    public async Task PollAsync(FreshdeskClient client, Action<int> imported, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(imported);
        var since = await FreshdeskLinks.CursorAsync(db, cancellationToken) ?? settings.InitialSince;
        Uri? page = client.FirstTicketPage(since);
        var worked = 0;
        while (page is not null && worked < settings.TicketLimit)
        {
            var (tickets, next) = await client.TicketPageAsync(page, cancellationToken);
            DateTimeOffset? handled = null;
            foreach (var ticket in tickets)
            {
                if (worked >= settings.TicketLimit)
                {
                    break;
                }
                if (await mirror.MirrorAsync(ticket, client, cancellationToken) is { } count)
                {
                    worked++;
                    imported(count);
                }
                handled = handled is { } before && before > ticket.UpdatedAt ? before : ticket.UpdatedAt;
            }
            if (handled is { } last && last - Overlap > since)
            {
                since = last - Overlap;
                await gate.RunAsync(async () => { await FreshdeskLinks.SetCursorAsync(db, since, cancellationToken); return true; }, cancellationToken);
            }
            page = next;
        }
    }
}
