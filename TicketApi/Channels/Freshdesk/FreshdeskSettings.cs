using System.Globalization;

namespace TicketApi.Channels.Freshdesk;

/// <summary>
/// The connector's settings (docs/channels.md, "Freshdesk connector: settings"). Without <c>FRESHDESK_DOMAIN</c>
/// the connector is off. A value that is set but unusable stops the start with a message naming the setting (never
/// the key's value), rather than failing every poll later.
/// </summary>
public sealed record FreshdeskSettings
{
    /// <summary>The API's root, e.g. https://acme.freshdesk.com/ (a bare name <c>acme</c> means acme.freshdesk.com).</summary>
    public required Uri BaseAddress { get; init; }

    public required string ApiKey { get; init; }

    /// <summary>Pause between two polling cycles (<c>FRESHDESK_POLL_SECONDS</c>, default 60).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Tickets imported or updated per cycle at most (<c>FRESHDESK_TICKET_LIMIT</c>, default 10).</summary>
    public int TicketLimit { get; init; } = 10;

    /// <summary>Pause before every request after the first of a cycle (<c>FRESHDESK_RATE_LIMIT_DELAY</c>, default 3.0 s).</summary>
    public TimeSpan RateLimitDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>First pause after a failed request; it doubles per retry up to <see cref="MaxRetryDelay"/> (<c>FRESHDESK_RETRY_DELAY</c>, default 5.0 s).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of one request before the cycle ends as failing (<c>FRESHDESK_MAX_RETRIES</c>, default 5).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Where the first poll starts (<c>FRESHDESK_SINCE</c>, default 2000-01-01): Freshdesk lists only the last 30 days without updated_since.</summary>
    public DateTimeOffset InitialSince { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The doubling stops here, as the issue asks.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    /// <returns>Null when <c>FRESHDESK_DOMAIN</c> is not set (the connector is off).</returns>
    /// <exception cref="InvalidOperationException">A setting is present but unusable; the message names it.</exception>
    public static FreshdeskSettings? FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? Get(string name) => configuration[name] is { } value && value.Trim().Length > 0 ? value.Trim() : null;
        if (Get("FRESHDESK_DOMAIN") is not { } domain)
        {
            return null;
        }
        var key = Get("FRESHDESK_API_KEY")
            ?? throw new InvalidOperationException("FRESHDESK_DOMAIN is set but FRESHDESK_API_KEY is not: the connector needs the API key of a Freshdesk agent.");
        var settings = new FreshdeskSettings { BaseAddress = BaseAddressOf(domain), ApiKey = key };
        return settings with
        {
            PollInterval = Seconds(Get, "FRESHDESK_POLL_SECONDS", settings.PollInterval, allowZero: false),
            TicketLimit = Count(Get, "FRESHDESK_TICKET_LIMIT", settings.TicketLimit, minimum: 1),
            RateLimitDelay = Seconds(Get, "FRESHDESK_RATE_LIMIT_DELAY", settings.RateLimitDelay, allowZero: true),
            RetryDelay = Seconds(Get, "FRESHDESK_RETRY_DELAY", settings.RetryDelay, allowZero: true),
            MaxRetries = Count(Get, "FRESHDESK_MAX_RETRIES", settings.MaxRetries, minimum: 0),
            InitialSince = Get("FRESHDESK_SINCE") is { } since
                ? DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime()
                    : throw new InvalidOperationException($"FRESHDESK_SINCE must be an ISO-8601 time such as 2025-01-01T00:00:00Z, not '{since}'.")
                : settings.InitialSince,
        };
    }

    /// <summary>
    /// A bare account name (<c>acme</c>), a host (<c>acme.freshdesk.com</c>) or an absolute http(s) URL (a proxy, or
    /// the tests' local fake). Anything else, e.g. a path or a space, is refused here.
    /// </summary>
    private static Uri BaseAddressOf(string domain)
    {
        if (domain.Contains("://", StringComparison.Ordinal))
        {
            if (Uri.TryCreate(domain, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                && url.AbsolutePath == "/" && string.IsNullOrEmpty(url.Query))
            {
                return url;
            }
            throw new InvalidOperationException($"FRESHDESK_DOMAIN must be an account name (acme), a host (acme.freshdesk.com) or an http(s) URL with no path, not '{domain}'.");
        }
        var host = domain.Contains('.', StringComparison.Ordinal) ? domain : domain + ".freshdesk.com";
        if (Uri.CheckHostName(host) != UriHostNameType.Dns)
        {
            throw new InvalidOperationException($"FRESHDESK_DOMAIN must be an account name (acme), a host (acme.freshdesk.com) or an http(s) URL with no path, not '{domain}'.");
        }
        return new Uri("https://" + host + "/");
    }

    private static TimeSpan Seconds(Func<string, string?> get, string name, TimeSpan fallback, bool allowZero)
    {
        if (get(name) is not { } text)
        {
            return fallback;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || double.IsNaN(seconds)
            || seconds < 0 || (!allowZero && seconds == 0) || seconds > 86_400)
        {
            throw new InvalidOperationException(
                $"{name} must be a number of seconds {(allowZero ? "from 0" : "above 0")} up to 86400, not '{text}'.");
        }
        return TimeSpan.FromSeconds(seconds);
    }

    private static int Count(Func<string, string?> get, string name, int fallback, int minimum)
    {
        if (get(name) is not { } text)
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < minimum || count > 1000)
        {
            throw new InvalidOperationException($"{name} must be a whole number from {minimum} to 1000, not '{text}'.");
        }
        return count;
    }
}
