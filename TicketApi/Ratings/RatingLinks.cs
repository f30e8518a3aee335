using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace TicketApi.Ratings;

/// <summary>
/// The signed link a resolution email carries (docs/accounts.md, "Satisfaction"): a DataProtection token,
/// time-limited, bound to the ticket and the requester's address, so the requester can rate without an account
/// and the link rates nothing else. The token is the credential of <c>/rate/{token}</c>. The expiry is inside
/// the protected payload and checked against the app's <see cref="TimeProvider"/> (the framework's time-limited
/// protector reads the system clock, which a test cannot move).
/// </summary>
public sealed class RatingLinks(IDataProtectionProvider protection, RatingSettings settings, TimeProvider clock)
{
    /// <summary>What the token is for: a token made for anything else (Identity's bearer tokens) cannot be read as one.</summary>
    private const string Purpose = "AgentTickets.Ratings.Link.v1";

    public const string PagePath = "/rate";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>The link for the ticket's requester, or null when no public address is configured.</summary>
    public string? LinkFor(long ticketId, string requesterEmail)
    {
        ArgumentNullException.ThrowIfNull(requesterEmail);
        return settings.PublicBaseUrl is { } baseUrl ? new Uri(baseUrl, $"rate/{TokenFor(ticketId, requesterEmail)}").AbsoluteUri : null;
    }

    public string TokenFor(long ticketId, string requesterEmail) =>
        Protector.Protect(Payload(ticketId, requesterEmail, (clock.GetUtcNow() + settings.LinkLifetime).UtcTicks));

    /// <summary>The ticket and address a token was made for, or null when it is forged, damaged or expired.</summary>
    public (long TicketId, string Email)? Read(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }
        try
        {
            var parts = Protector.Unprotect(token).Split('\n');
            return parts.Length == 3 && Number(parts[0]) is { } id && Number(parts[2]) is { } expires && clock.GetUtcNow().UtcTicks <= expires
                ? (id, parts[1]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Payload(long ticketId, string email, long expiresTicks) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ticketId}\n{email.Trim().ToLowerInvariant()}\n{expiresTicks}");

    private static long? Number(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
