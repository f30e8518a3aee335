using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>"what did the customer say on 12?", "show the conversation on 71", "any replies on 72?": list_messages.</summary>
public sealed partial class ListMessagesRule : IIntentRule
{
    public ClauseIntent? Match(Clause clause, ClauseScope scope)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (!Thread().IsMatch(clause.Text))
        {
            return null;
        }

        var ids = TicketReferences.Resolve(clause, scope);
        return ids.Count == 0
            ? ClauseIntent.Ask("Which ticket's conversation should I show? Give its number, e.g. \"what did the customer say on 12?\".")
            : ClauseIntent.ForEach(ids, id => PlannerToolNames.Call(PlannerToolNames.ListMessages, ("ticket_id", id)));
    }

    [GeneratedRegex(@"\bwhat\s+(?:did|has|have)\s+(?:the\s+)?(?:customer|requester|user|client|reporter|they|he|she|we|agent|support)\s+(?:say|said|write|written|wrote|reply|replied|answer|answered|tell|told|send|sent)\b|\b(?:conversation|thread|messages|message\s+history|replies|responses|correspondence|comments|notes|history|back-and-forth)\s+(?:on|of|for|in|about)\b|\b(?:any|the|show|read|list|see)\s+(?:new\s+)?(?:replies|messages|responses|answers|comments|notes)\b|\bwhat\s+(?:was|has\s+been)\s+said\b|\b(?:anyone|anybody|someone|somebody|they|the\s+customer|the\s+requester|support|we)\s+(?:already\s+)?(?:replied|responded|answered|written\s+back|got\s+back)\b")]
    private static partial Regex Thread();
}
