using TicketApi.Contracts;
using TicketApi.Tickets;

namespace TicketApi.Conversations;

/// <summary>
/// The value rules of a new message (docs/rest-api.md, "Conversation thread"), applied to trimmed values by
/// the REST body reader and by the in-process <see cref="TicketService"/> alike, so both faces refuse the
/// same values with the same words.
/// </summary>
public static class TicketMessageRules
{
    public const int MaxBodyLength = 20_000;
    public const int MaxAuthorLength = TicketFieldRules.MaxRequesterNameLength;

    public static string AllowedKinds { get; } = string.Join(", ", TicketMessageKinds.All);

    public static string? KindError(string kind) =>
        TicketMessageKinds.All.Contains(kind, StringComparer.Ordinal) ? null
            : $"Invalid kind '{Clip(kind)}'. Allowed values are: {AllowedKinds}.";

    public static string? BodyError(string body) =>
        body.Length == 0 ? "This field may not be blank."
        : Length(body) > MaxBodyLength ? $"Ensure this field has no more than {MaxBodyLength} characters (it has {Length(body)})."
        : null;

    public static string? AuthorError(string author) =>
        Length(author) > MaxAuthorLength ? $"Ensure this field has no more than {MaxAuthorLength} characters (it has {Length(author)})." : null;

    public static string? ChannelError(string channel) =>
        TicketMessageChannels.All.Contains(channel, StringComparer.Ordinal) ? null
            : $"Invalid channel '{Clip(channel)}'. Allowed values are: {string.Join(", ", TicketMessageChannels.All)}.";

    /// <summary>The message with its text trimmed and a blank author left out, as it is checked and stored.</summary>
    public static NewTicketMessage Trimmed(NewTicketMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var author = message.Author?.Trim();
        return message with { Body = message.Body?.Trim() ?? "", Author = string.IsNullOrEmpty(author) ? null : author };
    }

    /// <summary>Field name -> messages for every field that breaks its rule; empty when all are fine.</summary>
    public static Dictionary<string, string[]> Errors(NewTicketMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Check(string field, string? value, Func<string, string?> rule)
        {
            if (value is not null && rule(value) is { } error)
            {
                errors[field] = [error];
            }
        }
        Check("kind", message.Kind ?? "", KindError);
        Check("body", message.Body ?? "", BodyError);
        Check("author", message.Author, AuthorError);
        Check("channel", message.Channel ?? "", ChannelError);
        return errors;
    }

    /// <summary>Length in characters as a person counts them (code points, so an emoji is one), as for ticket fields.</summary>
    private static int Length(string value) => value.EnumerateRunes().Count();

    private static string Clip(string value) => value.Length <= 50 ? value : value[..50] + "...";
}
