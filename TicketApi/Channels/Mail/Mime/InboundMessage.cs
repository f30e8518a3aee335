using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace TicketApi.Channels.Mail.Mime;

/// <summary>An attachment as the desk lists it: its name and its decoded size in bytes.</summary>
public sealed record MailAttachment(string Name, long Size);

/// <summary>
/// A received mail reduced to what the desk uses (docs/channels.md, "Inbound mail"): who sent it, its subject,
/// its text (text/plain preferred; HTML-only reduced to text), its attachments by name and size, its threading
/// ids and the headers that mark automatic mail.
/// </summary>
public sealed partial record InboundMessage(
    string Key,
    string? MessageId,
    IReadOnlyList<string> ThreadIds,
    string Subject,
    string? FromName,
    string? FromAddress,
    string Text,
    IReadOnlyList<MailAttachment> Attachments,
    MimeHeaders Headers,
    string ContentType)
{
    public static InboundMessage Parse(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var root = MimeEntity.Parse(raw);
        var headers = root.Headers;
        var messageId = Ids(headers["Message-ID"]).FirstOrDefault();
        // In-Reply-To first: it names the mail answered; References the thread before it, newest last.
        var threadIds = Ids(headers["In-Reply-To"]).Concat(Ids(headers["References"]).Reverse()).Distinct(StringComparer.Ordinal).ToList();
        var (name, address) = Sender(headers["From"]);
        var attachments = new List<MailAttachment>();
        var text = BodyText(root, attachments) ?? "";
        return new InboundMessage(
            // A mail without a Message-ID is remembered by a hash of its bytes: the same delivery read twice is the same mail.
            messageId ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw)),
            messageId,
            threadIds,
            OneLine(EncodedWords.Decode(headers["Subject"])),
            name,
            address,
            text.ReplaceLineEndings("\n").Trim(),
            attachments,
            headers,
            root.ContentType.Value);
    }

    /// <summary>
    /// The text of <paramref name="entity"/>, collecting the attachments met on the way: multipart/alternative takes
    /// its text/plain, else its HTML as text; multipart/mixed and the others join their text parts in order.
    /// </summary>
    private static string? BodyText(MimeEntity entity, List<MailAttachment> attachments)
    {
        if (!entity.IsMultipart)
        {
            if (entity.IsAttachment)
            {
                attachments.Add(new MailAttachment(entity.FileName ?? Unnamed(entity), entity.Content.LongLength));
                return null;
            }
            return entity.ContentType.Value == "text/html" ? HtmlText.ToText(entity.Text) : entity.Text;
        }
        if (entity.ContentType.Value == "multipart/alternative")
        {
            var choice = entity.Parts.FirstOrDefault(p => p.ContentType.Value == "text/plain" && !p.IsAttachment)
                ?? entity.Parts.FirstOrDefault(p => p.IsMultipart)
                ?? entity.Parts.FirstOrDefault(p => p.ContentType.Value == "text/html" && !p.IsAttachment);
            return choice is null ? null : BodyText(choice, attachments);
        }
        var texts = new List<string>();
        foreach (var part in entity.Parts)
        {
            if (BodyText(part, attachments) is { } text && text.Trim().Length > 0)
            {
                texts.Add(text.Trim());
            }
        }
        return texts.Count == 0 ? null : string.Join("\n\n", texts);
    }

    private static string Unnamed(MimeEntity entity) => entity.ContentType.Value switch
    {
        "message/rfc822" => "forwarded message.eml",
        var type => "unnamed " + type,
    };

    /// <summary>The angle-bracketed ids in a Message-ID, In-Reply-To or References field, brackets kept.</summary>
    public static IEnumerable<string> Ids(string? field) =>
        field is null ? [] : MessageIdToken().Matches(field).Select(m => m.Value);

    private static (string? Name, string? Address) Sender(string? from)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return (null, null);
        }
        var decoded = EncodedWords.Decode(from);
        if (MailAddress.TryCreate(decoded, out var address))
        {
            return (string.IsNullOrWhiteSpace(address.DisplayName) ? null : address.DisplayName.Trim(), address.Address);
        }
        var match = AngleAddress().Match(decoded);
        if (match.Success && MailAddress.TryCreate(match.Groups["address"].Value, out var bare))
        {
            var name = decoded[..match.Index].Trim().Trim('"').Trim();
            return (name.Length == 0 ? null : name, bare.Address);
        }
        return (null, null);
    }

    private static string OneLine(string text) => Blanks().Replace(text, " ").Trim();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key} from {FromAddress}: {Subject}");

    [GeneratedRegex(@"<[^<>\s]+>", RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdToken();

    [GeneratedRegex(@"<(?<address>[^<>\s]+@[^<>\s]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex AngleAddress();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Blanks();
}
