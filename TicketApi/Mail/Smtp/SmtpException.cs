namespace TicketApi.Mail.Smtp;

/// <summary>
/// The server refused a step, or spoke something that is not SMTP. <see cref="Permanent"/> is a 5xx refusal of
/// the mail itself (sender, recipient or content): sending it again cannot succeed, so the outbox gives up at
/// once. Everything else (4xx, a refused login, a broken or slow connection) is retried.
/// </summary>
public sealed class SmtpException : Exception
{
    public SmtpException() { }

    public SmtpException(string message) : base(message) { }

    public SmtpException(string message, Exception innerException) : base(message, innerException) { }

    public SmtpException(string message, int code, bool permanent) : base(message)
    {
        Code = code;
        Permanent = permanent;
    }

    /// <summary>The reply code, or 0 when the failure was not a reply.</summary>
    public int Code { get; }

    public bool Permanent { get; }
}
