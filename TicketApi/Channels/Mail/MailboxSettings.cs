using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TicketApi.Channels.Mail;

/// <summary>How the mailbox is reached: <c>none</c> (plain IMAP, for a server on the same host), <c>starttls</c>, or <c>tls</c> (implicit TLS, port 993).</summary>
public enum ImapSecurity
{
    None,
    StartTls,
    Tls,
}

/// <summary>
/// The inbound mailbox's settings (docs/channels.md, "Inbound mail"). Without <c>IMAP_HOST</c> no mailbox is polled.
/// A value that is set but wrong stops the start with a message naming it, as the SMTP settings do.
/// </summary>
public sealed record MailboxSettings
{
    public string? Host { get; init; }
    public int Port { get; init; } = 993;
    public ImapSecurity Security { get; init; } = ImapSecurity.Tls;
    public string UserName { get; init; } = "";
    public string Password { get; init; } = "";
    public string Folder { get; init; } = "INBOX";

    /// <summary>
    /// <c>IMAP_CA_FILE</c>: certificates (PEM) trusted as the only roots for the server's certificate, for a mailbox
    /// behind a private CA. Null: the system's trusted roots. Either way the certificate is checked, name included.
    /// </summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>Processed mail is moved here when set (<c>IMAP_PROCESSED_FOLDER</c>); otherwise it is flagged \Seen where it is.</summary>
    public string? ProcessedFolder { get; init; }

    /// <summary><c>IMAP_POLL_SECONDS</c>, default 60: a new mail is a ticket within one interval.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>IMAP_TIMEOUT_SECONDS</c>, default 60: one whole poll (connect to LOGOUT) may take this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>50 MB: a bigger mail is left in the box and named in the status (not a setting yet).</summary>
    public long MaxMessageBytes { get; init; } = 50L * 1024 * 1024;

    public bool Enabled => Host is not null;

    /// <exception cref="InvalidOperationException">A setting is present but not usable; the message names it.</exception>
    public static MailboxSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Get(string name) => configuration[name] is { } value && value.Trim().Length > 0 ? value.Trim() : null;

        var host = Get("IMAP_HOST");
        var security = Get("IMAP_SECURITY")?.ToLowerInvariant() switch
        {
            null or "tls" => ImapSecurity.Tls,
            "starttls" => ImapSecurity.StartTls,
            "none" => ImapSecurity.None,
            var other => throw Invalid($"IMAP_SECURITY '{other}' is not one of none, starttls, tls."),
        };
        var settings = new MailboxSettings
        {
            Host = host,
            Security = security,
            Port = Get("IMAP_PORT") is { } port
                ? int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 65535
                    ? p : throw Invalid($"IMAP_PORT '{port}' is not a port number (1-65535).")
                : security == ImapSecurity.Tls ? 993 : 143,
            UserName = Get("IMAP_USERNAME") ?? "",
            Password = configuration["IMAP_PASSWORD"] ?? "",
            Folder = Get("IMAP_FOLDER") ?? "INBOX",
            ProcessedFolder = Get("IMAP_PROCESSED_FOLDER"),
            Poll = Seconds(Get, "IMAP_POLL_SECONDS", 60),
            Timeout = Seconds(Get, "IMAP_TIMEOUT_SECONDS", 60),
            TrustedRoots = Get("IMAP_CA_FILE") is { } caFile ? TrustedRootsFrom(caFile, security) : null,
        };
        if (host is not null && (settings.UserName.Length == 0 || settings.Password.Length == 0))
        {
            throw Invalid("IMAP_HOST is set but IMAP_USERNAME or IMAP_PASSWORD is not: the mailbox needs both to log in.");
        }
        if (settings.ProcessedFolder is { } processed && string.Equals(processed, settings.Folder, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("IMAP_PROCESSED_FOLDER is the folder that is polled (IMAP_FOLDER): processed mail must go elsewhere, or leave it unset to flag mail \\Seen.");
        }
        return settings;
    }

    public override string ToString() => Enabled
        ? $"imap://{UserName}@{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Folder} ({Security.ToString().ToLowerInvariant()}), every {Poll.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"
        : "no mailbox (IMAP_HOST unset)";

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

    /// <summary>The certificates of the PEM file <c>IMAP_CA_FILE</c> names; a file that is missing, unreadable or holds none stops the start.</summary>
    private static X509Certificate2Collection TrustedRootsFrom(string path, ImapSecurity security)
    {
        if (security == ImapSecurity.None)
        {
            throw Invalid("IMAP_CA_FILE is set but IMAP_SECURITY is none: without TLS there is no certificate to check. Use tls or starttls.");
        }
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw Invalid($"IMAP_CA_FILE '{path}' cannot be read as PEM certificates: {ex.Message}");
        }
        return roots.Count > 0 ? roots : throw Invalid($"IMAP_CA_FILE '{path}' holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
    }

    private static InvalidOperationException Invalid(string message) => new("Invalid mailbox settings: " + message + " See docs/channels.md.");
}
