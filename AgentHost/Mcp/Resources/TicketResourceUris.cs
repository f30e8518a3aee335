using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentHost.Mcp.Resources;

/// <summary>What a resource URI names: a ticket or a knowledge-base article, by id.</summary>
public enum TicketResourceKind
{
    Ticket,
    Article,
}

/// <summary>A resource URI read: which kind and which id.</summary>
public sealed record TicketResourceAddress(TicketResourceKind Kind, long Id);

/// <summary>
/// The two URI templates of docs/mcp.md, "Resources": <c>ticket://{id}</c> and <c>kb://articles/{id}</c>, with
/// <c>{id}</c> a positive whole number. Parsing is strict (no query, fragment, path beyond the id, or leading
/// zeros) so one resource has one URI and a client cannot read the same ticket under two names.
/// </summary>
public static partial class TicketResourceUris
{
    public const string TicketTemplate = "ticket://{id}";
    public const string ArticleTemplate = "kb://articles/{id}";

    public static string Ticket(long id) => string.Create(CultureInfo.InvariantCulture, $"ticket://{id}");

    public static string Article(long id) => string.Create(CultureInfo.InvariantCulture, $"kb://articles/{id}");

    /// <summary>The address, or null with the reason the URI names nothing this server serves.</summary>
    public static TicketResourceAddress? TryParse(string? uri, out string problem)
    {
        problem = "";
        var match = uri is null ? null : Pattern().Match(uri);
        if (match is not { Success: true })
        {
            problem = $"'{uri}' is not a resource URI of this server; it serves {TicketTemplate} and {ArticleTemplate}, " +
                      "with {id} a positive whole number.";
            return null;
        }

        var kind = match.Groups["ticket"].Success ? TicketResourceKind.Ticket : TicketResourceKind.Article;
        var digits = match.Groups["id"].Value;
        if (digits.StartsWith('0') || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
        {
            problem = $"'{uri}' does not name a {(kind == TicketResourceKind.Ticket ? "ticket" : "article")}: the id must be a positive whole number, not '{digits}'.";
            return null;
        }

        return new TicketResourceAddress(kind, id);
    }

    // The id group takes any text up to the end, so "ticket://abc" is told apart ("the id must be ...") from a
    // scheme this server does not serve; a leading zero or a sign never parses into a second name for an id.
    [GeneratedRegex(@"^(?:(?<ticket>ticket://)|kb://articles/)(?<id>[^/?#]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
