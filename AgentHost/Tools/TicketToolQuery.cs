using TicketApi.Querying;

namespace AgentHost.Tools;

/// <summary>
/// A list or count call's arguments to a <see cref="TicketQuery"/>: each checked argument is written as the
/// query-string value of the parameter of the same name and read by the REST service's own parser, so the
/// tools accept exactly what <c>GET /api/tickets/</c> accepts and refuse the rest in its words.
/// </summary>
internal static class TicketToolQuery
{
    public static bool TryBuild(ToolArguments arguments, out TicketQuery query, out string error)
    {
        var parsed = TicketQueryParser.Parse(arguments.Values
            .Where(a => TicketQueryParameters.Names.Contains(a.Key))
            .Select(a => new KeyValuePair<string, string?>(a.Key, ToolParameter.QueryText(a.Value))));
        query = parsed.Query ?? new TicketQuery();
        error = parsed.Query is null
            ? "Invalid arguments: " + string.Join(" ", parsed.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            : "";
        return parsed.Query is not null;
    }
}
