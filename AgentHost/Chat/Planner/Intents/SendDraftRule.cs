using System.Globalization;
using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.Language;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// "send it", "send the reply to 12", "approve the draft for 12": no tool call. Nothing reaches a requester without a
/// person's approval, and the chat has no tool that sends; the answer says where that approval is given. A reply
/// dictated with its words ("send a reply to 12: we are on it") is not this: it ends in the message.
/// </summary>
public sealed partial class SendDraftRule : IMessageRule
{
    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(state);
        if (!Send().IsMatch(text.Trim()))
        {
            return null;
        }

        var named = TicketIds.Find(text);
        long? ticket = named.Count > 0 ? named[0] : state.Drafted;
        var id = ticket?.ToString(CultureInfo.InvariantCulture) ?? "{id}";
        var which = ticket is null ? "a drafted reply" : $"the drafted reply to ticket #{id}";
        return PlannerPlan.Answer(
            $"I can't send it: {which} reaches the requester only after a person approves it, " +
            $"in the desk (the ticket's draft, Send) or through the API with POST /api/tickets/{id}/draft/send. " +
            "I can still change the draft first, e.g. \"make it more formal\" or \"shorter please\".");
    }

    [GeneratedRegex(@"^(?:(?:ok|okay|great|good|perfect|looks\s+good|fine|yes|then|now|please|pls)[,.!]?\s+)*(?:(?:can|could|would)\s+you\s+)?(?:(?:approve|accept)\s+and\s+)?(?:send|approve|submit|email|mail)\s+(?:it|that|this|the\s+(?:draft|reply|response|answer|email)|(?:my|our|your)\s+(?:draft|reply|response))(?:\s+(?:out|off|now|please))*(?:\s+(?:to|for|on)\s+(?:ticket\s+|#)?\d+|\s+(?:to\s+)?(?:the\s+)?(?:customer|requester|user|client|them|him|her))?(?:\s+(?:out|now|please))*[.!?]*$")]
    private static partial Regex Send();
}
