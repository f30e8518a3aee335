namespace TicketApi.Channels.Mail.Imap;

/// <summary>
/// One response line from the server, literals included (RFC 3501 section 4.3): <see cref="Text"/> is the line
/// with each literal's <c>{n}</c> marker kept and its bytes moved to <see cref="Literals"/>, in order.
/// </summary>
public sealed record ImapResponse(string Text, IReadOnlyList<byte[]> Literals)
{
    public bool IsUntagged => Text.StartsWith("* ", StringComparison.Ordinal);

    public bool IsContinuation => Text.StartsWith('+');
}

/// <summary>A tagged completion and the untagged responses that came before it.</summary>
public sealed record ImapCompletion(string Status, string Text, IReadOnlyList<ImapResponse> Untagged);
