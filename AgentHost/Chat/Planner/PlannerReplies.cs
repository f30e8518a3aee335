namespace AgentHost.Chat.Planner;

/// <summary>The offline planner's fixed sentences. It says what it is: rules, not a language model.</summary>
public static class PlannerReplies
{
    public const string Help =
        "I'm the AgentTickets offline planner: no language model is configured, so I follow fixed rules. I can:\n" +
        "- file a ticket when you describe a problem in your own words (\"Outlook crashes when I open it\"), then add your answers to it\n" +
        "- create one explicitly: \"new ticket: printer on floor 3 jams\", \"create an urgent ticket: ...\"\n" +
        "- answer queue questions: \"which tickets are urgent?\", \"high priority network tickets\", \"unhappy customers this week\", \"how many are open?\"\n" +
        "- show one ticket: \"show ticket 12\", \"who reported 12?\", \"what did the customer say on 12?\"\n" +
        "- change tickets: \"resolve 5\", \"close 1 and reopen 2\", \"set priority of 12 to urgent\", \"rename 3 to VPN drops hourly\"\n" +
        "- add to the thread: \"add a note to 12: waiting on the vendor\", \"reply to 12: we are on it\"; \"retriage 12\"\n" +
        "- delete: \"delete ticket 9\" (I ask you to confirm first)\n" +
        "- drafts: \"draft a reply to 12\", then \"make it more formal\" or \"shorter please\"; \"what should the technician do on 12?\", \"is 12 solved or does it need follow-up?\" (a person approves a draft before it is sent)\n" +
        "Configure AZURE_OPENAI_* or OPENAI_* for free-form conversation.";

    public const string Identity =
        "I'm the AgentTickets offline planner, a fixed set of rules built into the agent host, not a language model. " +
        "I turn plain requests about tickets into tool calls. Say \"help\" to see what I understand.";

    public const string Welcome = "You're welcome. Say \"help\" any time to see what I can do with tickets.";

    public static string NotUnderstood(string message) =>
        $"Sorry, I did not understand \"{Shorten(message)}\" as a request about support tickets, so I cannot help with it. " + Help;

    public static string ConfirmDelete(long id, string title, string status) =>
        $"Ticket #{id} '{title}' is {status}. Deleting it is permanent. " +
        $"Reply \"yes\" to delete ticket #{id}, or \"no\" to keep it.";

    public const string NothingToConfirm =
        "There is nothing waiting for a yes or no. To delete a ticket, say \"delete ticket 12\" and I will ask you to confirm.";

    /// <summary>A requester asking for what only staff may do: what they can do instead.</summary>
    public const string StaffOnly =
        "Sorry, I can't do that for you: deleting, closing or changing tickets is up to the support team. " +
        "I can show your tickets (\"what's the status of my tickets?\"), file a new one when you tell me what is wrong, " +
        "or add a message to one of yours (\"add to ticket 12: it works again\").";

    /// <summary>A tool the plan needs is not offered to this person (their role or their credential's scope).</summary>
    public static string NotOffered(string tool, bool requester) => requester
        ? StaffOnly
        : $"I would use the {tool} tool for that, but it is not available here.";

    public static string Kept(long id) => $"OK, ticket #{id} stays as it is; nothing was deleted.";

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "..." : text;
}
