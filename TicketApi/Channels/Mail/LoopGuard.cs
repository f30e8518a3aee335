using TicketApi.Channels.Mail.Mime;

namespace TicketApi.Channels.Mail;

/// <summary>
/// Tells automatic mail from a person's (docs/channels.md, "Loops"): auto-replies (RFC 3834 Auto-Submitted other
/// than "no", X-Autoreply, X-Autorespond), bulk and list mail (Precedence bulk, junk, list), bounces (an empty
/// Return-Path, a multipart/report delivery report, MAILER-DAEMON or postmaster as sender) and the desk's own mail.
/// None of them makes a ticket or a message, so two help desks that answer each other cannot loop.
/// </summary>
public static class LoopGuard
{
    /// <summary>Why <paramref name="mail"/> is automatic, or null for a person's mail.</summary>
    /// <param name="ownAddresses">The desk's own addresses (SMTP_FROM, the mailbox's login when it is an address).</param>
    public static string? Reason(InboundMessage mail, IReadOnlyCollection<string> ownAddresses)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(ownAddresses);
        var headers = mail.Headers;
        if (headers["Auto-Submitted"] is { } submitted && !submitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return $"automatic mail (Auto-Submitted: {Clip(submitted)})";
        }
        if (headers.Has("X-Autoreply") || headers.Has("X-Autorespond"))
        {
            return "an auto-reply (X-Autoreply)";
        }
        if (headers["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list")
        {
            return $"bulk mail (Precedence: {Clip(headers["Precedence"]!)})";
        }
        if (headers["Return-Path"] is { } returnPath && returnPath.Replace(" ", "", StringComparison.Ordinal) == "<>")
        {
            return "a bounce (empty Return-Path)";
        }
        if (mail.ContentType == "multipart/report")
        {
            return "a bounce (delivery report)";
        }
        var local = mail.FromAddress?.Split('@')[0];
        if (local is not null && (local.Equals("mailer-daemon", StringComparison.OrdinalIgnoreCase) || local.Equals("postmaster", StringComparison.OrdinalIgnoreCase)))
        {
            return $"a bounce (from {mail.FromAddress})";
        }
        if (mail.FromAddress is { } from && ownAddresses.Contains(from, StringComparer.OrdinalIgnoreCase))
        {
            return "the desk's own mail";
        }
        return null;
    }

    private static string Clip(string value) => value.Length <= 40 ? value.Trim() : value[..40].Trim() + "...";
}
