using System.Globalization;
using System.Net.Mail;

namespace TicketApi.Mail;

/// <summary>How mail leaves the desk: <c>none</c> (plain SMTP, for a relay on the same host), <c>starttls</c>, or <c>tls</c> (implicit TLS, port 465).</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    Tls,
}

/// <summary>
/// The SMTP and outbox settings (docs/mail.md, "Settings"). Without <c>SMTP_HOST</c> nothing is sent: mail waits
/// in the outbox, <c>QUEUED</c>. A value that is set but wrong stops the start with a message naming it, rather
/// than failing every delivery later.
/// </summary>
public sealed record MailSettings
{
    /// <summary>Used for Message-IDs while no <c>SMTP_FROM</c> is set (mail staged with sending off).</summary>
    public const string FallbackDomain = "agenttickets.localhost";

    public string? Host { get; init; }
    public int Port { get; init; } = 25;
    public SmtpSecurity Security { get; init; }
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public MailAddress? From { get; init; }

    /// <summary>Deliveries tried before a mail is <c>FAILED</c> (<c>SMTP_MAX_ATTEMPTS</c>, default 8).</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>One whole delivery (connect to QUIT) may take this long (<c>SMTP_TIMEOUT_SECONDS</c>, default 30).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claim holds (<c>OUTBOX_LEASE_SECONDS</c>, default 120); must exceed <see cref="Timeout"/>.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The first retry's delay (<c>OUTBOX_RETRY_SECONDS</c>, default 30); it doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts (<c>OUTBOX_RETRY_MAX_SECONDS</c>, default 3600).</summary>
    public TimeSpan RetryCap { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often the sender looks for due mail when nothing wakes it (<c>OUTBOX_POLL_SECONDS</c>, default 60).</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(60);

    public bool SendingEnabled => Host is not null;

    /// <summary>The right-hand side of Message-IDs: the sender's domain.</summary>
    public string Domain => From?.Host ?? FallbackDomain;

    /// <exception cref="InvalidOperationException">A setting is present but not usable; the message names it.</exception>
    public static MailSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Get(string name) => configuration[name] is { } value && value.Trim().Length > 0 ? value.Trim() : null;

        var security = Get("SMTP_SECURITY")?.ToLowerInvariant() switch
        {
            null or "none" => SmtpSecurity.None,
            "starttls" => SmtpSecurity.StartTls,
            "tls" => SmtpSecurity.Tls,
            var other => throw Invalid($"SMTP_SECURITY '{other}' is not one of none, starttls, tls."),
        };
        var settings = new MailSettings
        {
            Host = Get("SMTP_HOST"),
            Security = security,
            Port = Get("SMTP_PORT") is { } port
                ? int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 65535
                    ? p : throw Invalid($"SMTP_PORT '{port}' is not a port number (1-65535).")
                : security switch { SmtpSecurity.Tls => 465, SmtpSecurity.StartTls => 587, _ => 25 },
            UserName = Get("SMTP_USERNAME"),
            Password = configuration["SMTP_PASSWORD"] is { Length: > 0 } password ? password : null,
            From = Get("SMTP_FROM") is { } from ? Address(from) : null,
            MaxAttempts = Get("SMTP_MAX_ATTEMPTS") is { } max
                ? int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 100
                    ? m : throw Invalid($"SMTP_MAX_ATTEMPTS '{max}' is not a whole number from 1 to 100.")
                : 8,
            Timeout = Seconds(Get, "SMTP_TIMEOUT_SECONDS", 30),
            Lease = Seconds(Get, "OUTBOX_LEASE_SECONDS", 120),
            RetryBase = Seconds(Get, "OUTBOX_RETRY_SECONDS", 30),
            RetryCap = Seconds(Get, "OUTBOX_RETRY_MAX_SECONDS", 3600),
            Poll = Seconds(Get, "OUTBOX_POLL_SECONDS", 60),
        };
        if (settings.Host is not null && settings.From is null)
        {
            throw Invalid("SMTP_HOST is set but SMTP_FROM is not: set the address mail is sent from, e.g. SMTP_FROM=\"Help Desk <help@example.com>\".");
        }
        if ((settings.UserName is null) != (settings.Password is null))
        {
            throw Invalid("SMTP_USERNAME and SMTP_PASSWORD go together: set both, or neither.");
        }
        if (settings.UserName is not null && settings.Security == SmtpSecurity.None)
        {
            throw Invalid("SMTP_USERNAME is set with SMTP_SECURITY none: a password is not sent in clear text; use starttls or tls.");
        }
        if (settings.Lease <= settings.Timeout)
        {
            throw Invalid($"OUTBOX_LEASE_SECONDS ({settings.Lease.TotalSeconds}) must be longer than SMTP_TIMEOUT_SECONDS ({settings.Timeout.TotalSeconds}), " +
                "or a slow delivery could be claimed and sent again by another sender.");
        }
        if (settings.RetryCap < settings.RetryBase)
        {
            throw Invalid("OUTBOX_RETRY_MAX_SECONDS must not be shorter than OUTBOX_RETRY_SECONDS.");
        }
        return settings;
    }

    public override string ToString() => SendingEnabled
        ? $"smtp://{Host}:{Port.ToString(CultureInfo.InvariantCulture)} ({Security.ToString().ToLowerInvariant()}) from {From}"
        : "sending off (SMTP_HOST unset): mail stays queued";

    private static MailAddress Address(string value)
    {
        try
        {
            return new MailAddress(value);
        }
        catch (FormatException)
        {
            throw Invalid($"SMTP_FROM '{value}' is not an email address (help@example.com or \"Help Desk <help@example.com>\").");
        }
    }

    private static TimeSpan Seconds(Func<string, string?> get, string name, double fallback)
    {
        if (get(name) is not { } text)
        {
            return TimeSpan.FromSeconds(fallback);
        }
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw Invalid($"{name} '{text}' is not a number of seconds (more than 0, at most 86400).");
    }

    private static InvalidOperationException Invalid(string message) => new("Invalid mail settings: " + message + " See docs/mail.md.");
}
