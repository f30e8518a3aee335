using Microsoft.Net.Http.Headers;

namespace TicketApi.Http;

/// <summary>Strong ETags from a ticket's version, and the If-Match / If-None-Match checks on them.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>
    /// Null when the request carries no If-Match (no precondition); otherwise a check of the current
    /// version, or an error text when the header cannot be parsed.
    /// </summary>
    public static (Func<long, bool>? Check, string? Error) IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return (null, null);
        }
        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags.Count == 0)
        {
            return (null, $"If-Match '{header}' is not a list of entity tags such as \"3\" or *.");
        }
        // RFC 9110: If-Match uses strong comparison, so weak tags never match.
        return (version => tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Tag == For(version))), null);
    }

    public static bool IfNoneMatchHits(HttpRequest request, long version)
    {
        var header = request.Headers.IfNoneMatch;
        return header.Count > 0 &&
               EntityTagHeaderValue.TryParseList(header, out var tags) &&
               tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag == For(version)); // weak comparison
    }
}
