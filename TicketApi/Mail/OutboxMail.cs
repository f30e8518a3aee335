namespace TicketApi.Mail;

/// <summary>
/// A row of the <c>outbox</c> table: one email, written in the transaction of the change that caused it and
/// delivered later by <see cref="Delivery.OutboxSender"/> (docs/mail.md). Everything that goes on the wire
/// (addresses, subject, body, Message-ID, threading) is decided when it is staged, so a retry sends the same mail.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }

    /// <summary>The ticket the mail is about; no foreign key, so the record outlives a deleted ticket.</summary>
    public long TicketId { get; set; }
    public string Kind { get; set; } = OutboxMailKinds.Reply;
    public string ToAddress { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>Angle brackets included: <c>&lt;ticket-12.reply.5f0c…@example.com&gt;</c>.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>The ticket's thread root; both In-Reply-To and References carry it.</summary>
    public string InReplyTo { get; set; } = "";
    public string Status { get; set; } = OutboxMailStatuses.Queued;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Who holds the row while <see cref="OutboxMailStatuses.Sending"/>: a fresh token per claim.</summary>
    public string? ClaimToken { get; set; }

    /// <summary>Until when the claim holds; past it the row is due again (its sender died).</summary>
    public DateTime? LeaseUntil { get; set; }
    public DateTime Created { get; set; }
    public DateTime? SentAt { get; set; }
}

/// <summary>What caused a mail: an approved reply, or the ticket being resolved or closed.</summary>
public static class OutboxMailKinds
{
    public const string Reply = "reply";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
}

/// <summary>
/// Where a mail is: <c>QUEUED</c> (waiting, maybe for a retry), <c>SENDING</c> (claimed by a sender under a
/// lease), <c>SENT</c> (the server accepted it), <c>FAILED</c> (given up after the last attempt).
/// </summary>
public static class OutboxMailStatuses
{
    public const string Queued = "QUEUED";
    public const string Sending = "SENDING";
    public const string Sent = "SENT";
    public const string Failed = "FAILED";

    public static IReadOnlyList<string> All { get; } = [Queued, Sending, Sent, Failed];
}
