using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Tickets;

namespace TicketApi.Channels.Freshdesk;

/// <summary>
/// Mirrors one Freshdesk ticket (docs/channels.md, "Freshdesk connector: mapping"): a new one becomes our ticket,
/// filed as the system through the channel <c>freshdesk</c> and triaged as any other, its link written in the same
/// transaction; a known one takes the new subject, description and requester. Then every conversation not yet in
/// is added, each with its mark in the message's transaction: incoming public ones as customer messages, private
/// ones as notes, the rest as replies. The link's <c>updated_at</c> moves last, so an import cut short is finished
/// by the next poll and nothing is added twice.
/// </summary>
public sealed partial class FreshdeskMirror(TicketDbContext db, TicketStore tickets, ConversationStore conversations, WriteGate gate)
{
    /// <returns>Tickets and conversations imported; null when the ticket was mirrored at this <c>updated_at</c> already (no request made).</returns>
    public async Task<int?> MirrorAsync(FreshdeskTicket source, FreshdeskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(client);
        var stamp = FreshdeskLinks.Stamp(source.UpdatedAt);
        var link = await FreshdeskLinks.FindAsync(db, source.Id, cancellationToken);
        if (link?.UpdatedAt == stamp)
        {
            return null;
        }
        using var acting = ActingContext.Enter(new Acting(Actor.System, TicketMessageChannels.Freshdesk));
        var imported = 0;
        var changes = Changes(source);
        long ticketId;
        if (link is null)
        {
            var created = await tickets.CreateAsync(changes, cancellationToken,
                (context, id, ct) => FreshdeskLinks.AddAsync(context, source.Id, id, ct));
            ticketId = created.Id;
            imported++;
        }
        else
        {
            ticketId = link.TicketId;
            if (await tickets.UpdateAsync(ticketId, changes, precondition: null, cancellationToken) is WriteOutcome.NotFound)
            {
                // Deleted here: the link stays, so Freshdesk's copy does not come back on the next poll.
                await gate.RunAsync(async () => { await FreshdeskLinks.MarkMirroredAsync(db, source.Id, stamp, cancellationToken); return true; }, cancellationToken);
                return imported;
            }
        }
        imported += await ImportConversationsAsync(source, ticketId, client, cancellationToken);
        await gate.RunAsync(async () => { await FreshdeskLinks.MarkMirroredAsync(db, source.Id, stamp, cancellationToken); return true; }, cancellationToken);
        return imported;
    }

    private async Task<int> ImportConversationsAsync(FreshdeskTicket source, long ticketId, FreshdeskClient client, CancellationToken cancellationToken)
    {
        var known = await FreshdeskLinks.ConversationsAsync(db, source.Id, cancellationToken);
        var imported = 0;
        foreach (var conversation in (await client.ConversationsAsync(source.Id, cancellationToken)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id))
        {
            if (known.Contains(conversation.Id))
            {
                continue;
            }
            Task Mark(TicketDbContext context, CancellationToken ct) => FreshdeskLinks.AddConversationAsync(context, conversation.Id, source.Id, ct);
            var body = Clip(Text(conversation.BodyText, conversation.Body), TicketMessageRules.MaxBodyLength);
            // Our own posted replies are in the thread already; empty bodies (attachments only) have nothing to show.
            if (IsOurs(conversation) || body.Length == 0)
            {
                await gate.RunAsync(async () => { await Mark(db, cancellationToken); return true; }, cancellationToken);
                continue;
            }
            var kind = conversation.Private ? TicketMessageKinds.Note
                : conversation.Incoming ? TicketMessageKinds.Customer
                : TicketMessageKinds.Reply;
            var author = kind == TicketMessageKinds.Customer && conversation.UserId == source.RequesterId && source.Requester?.Name is { } name
                ? Clip(name, TicketMessageRules.MaxAuthorLength)
                : string.Create(CultureInfo.InvariantCulture, $"Freshdesk user {conversation.UserId}");
            var message = TicketMessageRules.Trimmed(new NewTicketMessage(kind, body, author, TicketMessageChannels.Freshdesk));
            var outcome = await conversations.AddAsync(ticketId, message, cancellationToken, Mark);
            if (outcome is ConversationStore.AddOutcome.TicketClosed)
            {
                // A closed ticket takes no customer message (docs/rest-api.md); the words are kept as a note rather than lost.
                outcome = await conversations.AddAsync(ticketId, message with { Kind = TicketMessageKinds.Note }, cancellationToken, Mark);
            }
            if (outcome is ConversationStore.AddOutcome.Added)
            {
                imported++;
            }
        }
        return imported;
    }

    public static bool IsOurs(FreshdeskConversation conversation) =>
        conversation.Body?.Contains("agenttickets-reply-", StringComparison.Ordinal) == true;

    private static TicketChanges Changes(FreshdeskTicket source)
    {
        var title = Clip(source.Subject?.Trim() ?? "", TicketFieldRules.MaxTitleLength);
        return new TicketChanges(
            title.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"Freshdesk ticket {source.Id}") : title,
            Clip(source.DescriptionText?.Trim() ?? "", TicketFieldRules.MaxDescriptionLength),
            Status: null,
            RequesterName: source.Requester?.Name is { } name ? Clip(name.Trim(), TicketFieldRules.MaxRequesterNameLength) : null,
            RequesterEmail: source.Requester?.Email is { } email && email.Trim().Length <= TicketFieldRules.MaxRequesterEmailLength ? email.Trim() : null);
    }

    /// <summary>body_text when Freshdesk sent it, else the HTML body with its tags taken out.</summary>
    private static string Text(string? bodyText, string? html) =>
        !string.IsNullOrWhiteSpace(bodyText) ? bodyText.Trim()
        : WebUtility.HtmlDecode(Tags().Replace(html ?? "", " ")).Trim();

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();
}
