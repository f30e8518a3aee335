using AgentHost.Tools;

namespace AssistantEval;

/// <summary>One line's verdict: did the assistant do what the line expects, and for a filed ticket, were its labels right.</summary>
internal sealed record Verdict(EvalItem Item, bool Passed, string Why, bool? CategoryRight, bool? PriorityRight);

/// <summary>Judges a turn against a line's <c>expect</c> (kinds and rules in eval/README.md).</summary>
internal static class Scorer
{
    public static Verdict Judge(EvalItem item, TurnOutcome outcome)
    {
        var expect = item.Expect;
        if (outcome.Errors.Count > 0)
        {
            return new(item, false, "error frame: " + string.Join("; ", outcome.Errors), null, null);
        }

        var writes = outcome.Calls.Where(c => CallMatcher.IsWrite(c.Tool)).Select(c => c.Tool).ToList();
        switch (expect.Kind)
        {
            case "calls":
                var mismatch = CallMatcher.Mismatch(expect.Calls, outcome.Calls);
                return new(item, mismatch is null, mismatch ?? "", null, null);

            case "file_ticket":
                var created = outcome.Calls.Any(c => c.Tool == TicketToolCatalogue.CreateTicket);
                var ticket = outcome.Created;
                return new(item, created, created ? "" : $"no create_ticket ({Describe(outcome)})",
                    ticket is null ? null : string.Equals(ticket.Category, expect.Category, StringComparison.OrdinalIgnoreCase),
                    ticket is null ? null : string.Equals(ticket.Priority, expect.Priority, StringComparison.OrdinalIgnoreCase));

            case "confirm_delete":
                var asked = outcome.Pending is { Action: TicketToolCatalogue.DeleteTicket } p && p.TicketId == expect.DeleteId;
                var deleted = writes.Contains(TicketToolCatalogue.DeleteTicket);
                return new(item, asked && !deleted, asked && !deleted ? "" : $"pending {outcome.Pending?.TicketId.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, {Describe(outcome)}", null, null);

            case "clarify":
                var asks = outcome.Text.Contains('?', StringComparison.Ordinal);
                return new(item, writes.Count == 0 && asks, writes.Count == 0 && asks ? "" : $"no question or a write ({Describe(outcome)})", null, null);

            case "unsupported":
                var quiet = outcome.Calls.Count == 0 && outcome.Text.Length > 0;
                return new(item, quiet, quiet ? "" : $"called tools ({Describe(outcome)})", null, null);

            default:
                return new(item, false, $"unknown expect.kind '{expect.Kind}'", null, null);
        }
    }

    public static string Describe(TurnOutcome outcome) =>
        outcome.Calls.Count == 0
            ? "no calls; said: " + Shorten(outcome.Text)
            : string.Join(" | ", outcome.Calls.Select(c => $"{c.Tool} {{{string.Join(", ", c.Args.Select(a => $"{a.Key}: {a.Value.GetRawText()}"))}}}{(c.Ok ? "" : " (failed)")}"));

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 140 ? line[..140] + "..." : line;
    }
}
