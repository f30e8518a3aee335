namespace TicketApi.Channels.Mail.Imap;

/// <summary>The IMAP server refused a command (NO/BAD), said BYE, or broke the protocol; the message never holds a password.</summary>
public sealed class ImapException(string message) : Exception(message)
{
}
