namespace TicketApi.Mail.Smtp;

/// <summary>One server reply (RFC 5321, 4.2): a three-digit code and its text lines (several for a multi-line reply).</summary>
public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public bool Positive => Code is >= 200 and < 400;

    /// <summary>The text as one line for an error message: "550 5.1.1 No such user".</summary>
    public override string ToString() => $"{Code} {string.Join(" / ", Lines)}".TrimEnd();
}
