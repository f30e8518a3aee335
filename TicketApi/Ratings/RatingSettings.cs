using System.Globalization;

namespace TicketApi.Ratings;

/// <summary>
/// Where the rating link in a resolution email points, and how long it works (docs/accounts.md, "Satisfaction"):
/// <c>PUBLIC_BASE_URL</c> (the address requesters reach the desk at, e.g. <c>http://127.0.0.1:8100</c>; without it
/// the email carries no link) and <c>RATING_LINK_DAYS</c> (default 30).
/// </summary>
public sealed record RatingSettings
{
    public Uri? PublicBaseUrl { get; init; }

    public TimeSpan LinkLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <exception cref="InvalidOperationException">A setting is present but unusable; the message names it.</exception>
    public static RatingSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new RatingSettings();
        if (configuration["PUBLIC_BASE_URL"] is { Length: > 0 } text && text.Trim() is { Length: > 0 } trimmed)
        {
            if (!Uri.TryCreate(trimmed.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"PUBLIC_BASE_URL '{trimmed}' is not an absolute http or https address, e.g. http://127.0.0.1:8100.");
            }
            settings = settings with { PublicBaseUrl = uri };
        }
        if (configuration["RATING_LINK_DAYS"] is { Length: > 0 } days)
        {
            settings = settings with
            {
                LinkLifetime = int.TryParse(days.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 365
                    ? TimeSpan.FromDays(d)
                    : throw new InvalidOperationException($"RATING_LINK_DAYS '{days}' is not a whole number of days from 1 to 365."),
            };
        }
        return settings;
    }
}
