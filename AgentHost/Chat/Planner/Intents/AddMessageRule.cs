using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// "add a note to 12: waiting on the vendor" (an internal note), "reply to 69: ..." and "tell the customer on 70 that
/// ..." (a public reply): add_message with the dictated words as the body, exactly as said.
/// </summary>
public sealed partial class AddMessageRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var note = Note().Match(clause.Original);
        var reply = note.Success ? System.Text.RegularExpressions.Match.Empty : Reply().Match(clause.Original);
        if (!note.Success && !reply.Success)
        {
            return null;
        }

        var kind = note.Success ? "note" : "reply";
        var body = (note.Success ? note : reply).Groups["body"].Value.Trim().Trim('"', '\'', '“', '”').Trim();
        var head = new Clause(TextNormalizer.Normalize((note.Success ? note : reply).Groups["head"].Value), clause.Original, clause.Stance);
        var ids = TicketReferences.Resolve(head, scope);
        if (ids.Count == 0)
        {
            // "resolve #4 and add a note: ..." / a note right after a ticket was shown: that ticket.
            ids = scope.EarlierIds.Count > 0 ? scope.EarlierIds : scope.State.Focus is { } focus ? [focus] : [];
        }

        if (ids.Count == 0)
        {
            return ClauseIntent.Ask($"Which ticket should the {kind} go on? Say e.g. \"{(kind == "note" ? "add a note to 12: waiting on the vendor" : "reply to 12: we are on it")}\".");
        }

        if (body.Length == 0)
        {
            return ClauseIntent.Ask($"What should the {kind} on ticket #{ids[0]} say?");
        }

        return ClauseIntent.ForEach(ids, id => PlannerToolNames.Call(PlannerToolNames.AddMessage, ("ticket_id", id), ("kind", (object?)kind), ("body", body)));
    }

    [GeneratedRegex(@"^(?<head>.*?\b(?:add|put|leave|write|post|attach|make|log|record|jot)\s+(?:an?\s+|the\s+)?(?:internal\s+|private\s+|quick\s+)?(?:note|comment)\b.*?)(?:\s*[:\-–]\s*|\s+(?:saying|that\s+says|which\s+says|reading|with|:)\s+|\s+that\s+)(?<body>.+)$|^(?<head>(?:internal\s+)?note\s+(?:on|for|to)\s+(?:ticket\s+)?#?\d+\b)\s*[:\-–]?\s*(?<body>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Note();

    [GeneratedRegex(@"^(?<head>.*?\b(?:reply|respond|answer|write\s+back|send\s+(?:a\s+)?(?:reply|message))\s+(?:to\s+)?(?:the\s+(?:customer|requester)\s+(?:on|of|for)\s+)?(?:ticket\s+)?(?:#?\d+|it|them)\b.*?)(?:\s*[:\-–]\s*|\s+(?:saying|that|with)\s+)(?<body>.+)$|^(?<head>.*?\b(?:tell|let|inform|notify|message|email|ask)\s+(?:the\s+)?(?:customer|requester|user|client|reporter)\s+(?:on|of|for|in)\s+(?:ticket\s+)?#?\d+(?:\s+know)?)\s*(?:[:\-–]\s*|\s+(?:that|to)\s+|\s+)(?<body>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Reply();
}
