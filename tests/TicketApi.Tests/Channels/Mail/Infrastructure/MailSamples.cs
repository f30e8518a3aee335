namespace TicketApi.Tests.Channels.Mail.Infrastructure;

/// <summary>Mails as they arrive, written out byte for byte (LF here; <see cref="TestMailbox.DeliverAsync"/> makes CRLF).</summary>
public static class MailSamples
{
    public static string Plain(string subject, string body, string from = "\"Dana Scully\" <dana@example.com>", string? messageId = null, string extraHeaders = "") =>
        $"""
        From: {from}
        To: help@desk.example
        Subject: {subject}
        Date: Sun, 22 Nov 2026 08:00:00 +0000
        Message-ID: {messageId ?? NewId()}
        MIME-Version: 1.0
        {extraHeaders}Content-Type: text/plain; charset=utf-8

        {body}
        """;

    public static string NewId() => $"<{Guid.NewGuid():N}@example.com>";
}
