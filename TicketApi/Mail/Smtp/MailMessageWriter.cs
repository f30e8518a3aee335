using System.Globalization;
using System.Text;

namespace TicketApi.Mail.Smtp;

/// <summary>
/// Writes an outbox mail as an RFC 5322 message: plain-text UTF-8 in base64 (so any text, any line length and
/// any relay, 8BITMIME or not, carry it unchanged), non-ASCII header text as RFC 2047 encoded words, CRLF
/// line ends. Dot-stuffing is the transaction's business (<see cref="SmtpSession"/>), not the message's.
/// </summary>
public static class MailMessageWriter
{
    /// <summary>An encoded word may be 75 characters; 45 bytes of UTF-8 make 60 of base64 plus the 12 of its frame.</summary>
    private const int EncodedWordBytes = 45;

    public static string Write(OutboxMail mail, System.Net.Mail.MailAddress from)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(from);
        var text = new StringBuilder();
        void Header(string name, string value) => text.Append(name).Append(": ").Append(value).Append("\r\n");

        Header("From", Address(from.DisplayName, from.Address));
        Header("To", Address(mail.ToName, mail.ToAddress));
        Header("Subject", Encode(mail.Subject));
        // The staging time, not the sending time: every attempt is byte for byte the same mail.
        Header("Date", mail.Created.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header("Message-ID", mail.MessageId);
        Header("In-Reply-To", mail.InReplyTo);
        // The ticket's root first, then the requester's mail that is answered when it is not the root (docs/channels.md, "Threading").
        var root = Outbox.ThreadRoot(mail.TicketId, from.Host);
        Header("References", mail.InReplyTo == root ? root : root + "\r\n " + mail.InReplyTo);
        if (mail.Kind != OutboxMailKinds.Reply)
        {
            // RFC 3834: a notice is written by the desk, not by a person; auto-responders must not answer it.
            Header("Auto-Submitted", "auto-generated");
        }
        Header("MIME-Version", "1.0");
        Header("Content-Type", "text/plain; charset=utf-8");
        Header("Content-Transfer-Encoding", "base64");
        text.Append("\r\n");
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(mail.Body.ReplaceLineEndings("\r\n")));
        for (var i = 0; i < body.Length; i += 76)
        {
            text.Append(body, i, Math.Min(76, body.Length - i)).Append("\r\n");
        }
        return text.ToString();
    }

    /// <summary><c>"Dana Scully" &lt;dana@example.com&gt;</c>; a name outside ASCII as encoded words.</summary>
    public static string Address(string? name, string address)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return $"<{address}>";
        }
        var display = IsAscii(name)
            ? "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : Encode(name);
        return $"{display} <{address}>";
    }

    /// <summary>ASCII text as it is; anything else as RFC 2047 B-encoded words, folded one per line, never splitting a character.</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        if (IsAscii(value))
        {
            return value;
        }
        var words = new List<string>();
        var chunk = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(value);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (chunk.Length > 0 && Encoding.UTF8.GetByteCount(chunk.ToString() + element) > EncodedWordBytes)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
            }
            chunk.Append(element);
        }
        if (chunk.Length > 0)
        {
            words.Add(Word(chunk.ToString()));
        }
        return string.Join("\r\n ", words);
    }

    public static bool IsAscii(string value) => value.All(c => c is >= ' ' and < (char)127);

    private static string Word(string text) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
}
