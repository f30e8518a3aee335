using System.Globalization;

namespace TicketApi.Limits;

/// <summary>One token bucket: how many requests may come at once, and how many the bucket regains per minute.</summary>
public sealed record BucketSettings(int Burst, int PerMinute)
{
    /// <summary>The bucket scaled by <paramref name="factor"/> (local mode's generosity), never below one request.</summary>
    public BucketSettings Times(int factor) => new(Scale(Burst, factor), Scale(PerMinute, factor));

    private static int Scale(int value, int factor) => (int)Math.Clamp((long)value * factor, 1, int.MaxValue);
}

/// <summary>
/// The rate limits (docs/accounts.md, "Limits"): token buckets per key, person or client address for writes,
/// chat turns and model calls. Every number is a setting (<c>RATE_LIMIT_*</c>); local mode multiplies them by
/// <c>RATE_LIMIT_LOCAL_FACTOR</c> (1000), so a laptop never meets them; <c>RATE_LIMITS=off</c> turns them off
/// (the benchmarks do).
/// </summary>
public sealed record RateLimitSettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>POST, PUT, PATCH and DELETE under <c>/api</c> (sign-in aside) and the rating page.</summary>
    public BucketSettings Writes { get; init; } = new(Burst: 60, PerMinute: 120);

    /// <summary>New chat turns (<c>GET/POST /chat</c>; a reconnect that resumes a turn is not one).</summary>
    public BucketSettings Chat { get; init; } = new(Burst: 10, PerMinute: 20);

    /// <summary>Requests that call a model: drafting a reply, triage that queues the model.</summary>
    public BucketSettings Model { get; init; } = new(Burst: 10, PerMinute: 30);

    public int LocalFactor { get; init; } = 1000;

    /// <exception cref="InvalidOperationException">A setting is present but not usable; the message names it.</exception>
    public static RateLimitSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new RateLimitSettings();
        var enabled = configuration["RATE_LIMITS"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "on" => true,
            "off" => false,
            var other => throw new InvalidOperationException($"RATE_LIMITS '{other}' is neither 'on' nor 'off'. See docs/accounts.md, \"Limits\"."),
        };
        return new RateLimitSettings
        {
            Enabled = enabled,
            Writes = Bucket(configuration, "RATE_LIMIT_WRITES_BURST", "RATE_LIMIT_WRITES_PER_MINUTE", defaults.Writes),
            Chat = Bucket(configuration, "RATE_LIMIT_CHAT_BURST", "RATE_LIMIT_CHAT_PER_MINUTE", defaults.Chat),
            Model = Bucket(configuration, "RATE_LIMIT_MODEL_BURST", "RATE_LIMIT_MODEL_PER_MINUTE", defaults.Model),
            LocalFactor = Number(configuration, "RATE_LIMIT_LOCAL_FACTOR", defaults.LocalFactor),
        };
    }

    private static BucketSettings Bucket(IConfiguration configuration, string burst, string perMinute, BucketSettings fallback) =>
        new(Number(configuration, burst, fallback.Burst), Number(configuration, perMinute, fallback.PerMinute));

    private static int Number(IConfiguration configuration, string name, int fallback)
    {
        if (configuration[name] is not { } text || text.Trim().Length == 0)
        {
            return fallback;
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 1_000_000
            ? value
            : throw new InvalidOperationException($"{name} '{text}' is not a whole number from 1 to 1000000. See docs/accounts.md, \"Limits\".");
    }
}
