using AgentHost.Tickets;
using TicketApi.Contracts;
using Kind = TicketApi.Querying.TicketQueryParameters.ValueKind;

namespace AgentHost.Tools;

/// <summary>
/// The conversation-thread tools over the <see cref="ITicketService"/> seam: list_messages and add_message
/// (docs/tools.md, "Thread tools"). add_message exists once per face, because the face decides two things the
/// model must not: the message's <c>channel</c> (chat or mcp), and whether a <c>customer</c> message may be
/// written at all; only the chat, acting for the requester in their own session, speaks as the customer.
/// </summary>
public sealed class TicketThreadTools(ITicketService tickets)
{
    /// <summary>Messages per list_messages page: a thread reads in few pages, and a page stays small for a model's context.</summary>
    public const int PageSize = 20;

    private const int BodyPreview = 500;

    private static readonly ToolParameter TicketId = new("ticket_id", Kind.WholeNumber, "The ticket id.", Required: true);

    public TicketToolFunction ListMessages() => new(TicketToolCatalogue.ListMessages,
        $"Read a ticket's conversation thread, oldest first, {PageSize} messages a page: customer (the requester's words), reply (public answers) and note (internal, never shown to the requester). Use it to see what the customer said or what was answered.",
        [TicketId, new("page", Kind.WholeNumber, "Page number, 1-based. Default 1.")],
        ListAsync);

    /// <param name="channel"><see cref="TicketMessageChannels.Chat"/> or <see cref="TicketMessageChannels.Mcp"/>: the face the tool is served on.</param>
    public TicketToolFunction AddMessage(string channel) => new(TicketToolCatalogue.AddMessage,
        "Add a message to a ticket's thread. kind reply: a public answer to the requester (the first one sets the ticket's first response time). kind note: internal, never shown to the requester. kind customer: the requester's own words, only when you act for the requester in their chat; it reopens a RESOLVED ticket and is refused on a CLOSED one.",
        [
            TicketId,
            new("kind", Kind.Label, "reply (public answer), note (internal) or customer (the requester's own words; chat only).", Required: true,
                Labels: [TicketMessageKinds.Reply, TicketMessageKinds.Note, TicketMessageKinds.Customer]),
            new("body", Kind.Text, "The text, 1-20,000 characters.", Required: true),
        ],
        (arguments, cancellationToken) => AddAsync(arguments, channel, cancellationToken));

    private async Task<TicketToolResult> ListAsync(ToolArguments arguments, CancellationToken cancellationToken)
    {
        var (id, page) = (arguments.Id("ticket_id"), arguments.Values.TryGetValue("page", out var p) ? (long)p : 1);
        if (page is < 1 or > int.MaxValue)
        {
            return TicketToolResult.InvalidArguments($"page must be a whole number from 1, not {page}.");
        }

        var result = await tickets.ListMessagesAsync(id, (int)page, PageSize, cancellationToken);
        if (result.Value is not { } thread)
        {
            return TicketToolResult.Failure(result.Problem!);
        }

        var data = new TicketThreadData(id, thread.Count, (int)page, thread.Next is not null, thread.Results.Select(Brief).ToList());
        return TicketToolResult.Success(TicketSummaries.Thread(data, PageSize), data);
    }

    private async Task<TicketToolResult> AddAsync(ToolArguments arguments, string channel, CancellationToken cancellationToken)
    {
        var (id, kind, body) = (arguments.Id("ticket_id"), arguments.Text("kind")!, arguments.Text("body")!);
        // Over MCP a requester's own words are theirs to add; staff there answer or note, never speak as the customer.
        if (kind == TicketMessageKinds.Customer && channel != TicketMessageChannels.Chat && TicketApi.Accounts.ActingContext.Actor.IsStaff)
        {
            return TicketToolResult.Failure(
                $"Not added: kind customer is the requester's own words, which only the chat acting for the requester may add. Over {channel.ToUpperInvariant()} add a reply (public answer) or a note (internal) to ticket #{id}.");
        }

        var result = await tickets.AddMessageAsync(id, new NewTicketMessage(kind, body, Channel: channel), cancellationToken);
        return result.Value is { } message
            ? TicketToolResult.Success(TicketSummaries.MessageAdded(message), message)
            : TicketToolResult.Failure(result.Problem!);
    }

    /// <summary>Bodies over 500 characters are cut (ending "...") so that a page of 20 stays within a model's context.</summary>
    private static TicketMessageDto Brief(TicketMessageDto message) =>
        message.Body.Length <= BodyPreview ? message : message with { Body = message.Body[..BodyPreview] + "..." };
}
