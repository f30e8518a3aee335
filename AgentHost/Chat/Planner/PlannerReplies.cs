namespace AgentHost.Chat.Planner;

/// <summary>The offline planner's fixed sentences. It says what it is: rules, not a language model.</summary>
public static class PlannerReplies
{
    public const string Help =
        "I'm the AgentTickets offline planner: no language model is configured, so I follow fixed rules. I can:\n" +
        "- list and count tickets by status: \"what's open?\", \"list all closed tickets\", \"how many tickets are resolved\"\n" +
        "- show one ticket: \"show ticket 12\", \"status of #12\"\n" +
        "- search: \"find tickets about VPN\", \"anything mentioning payment\"\n" +
        "- filter by date: \"tickets created since yesterday\", \"this week\", \"after 2025-01-01\"\n" +
        "- create: \"open a ticket: printer on floor 3 jams, it has been broken since Monday\"\n" +
        "- change status: \"resolve 5\", \"mark ticket 5 as closed\", \"reopen #7\"\n" +
        "- edit: \"rename ticket 3 to VPN drops hourly\", \"change the description of 3 to ...\"\n" +
        "- delete: \"delete ticket 9\" (I ask you to confirm first)\n" +
        "Configure AZURE_OPENAI_* or OPENAI_* for free-form conversation.";

    public const string Identity =
        "I'm the AgentTickets offline planner, a fixed set of rules built into the agent host, not a language model. " +
        "I turn plain requests about tickets into tool calls. Say \"help\" to see what I understand.";

    public static string NotUnderstood(string message) =>
        $"Sorry, I did not understand \"{Shorten(message)}\". " + Help;

    public static string ConfirmDelete(long id, string title, string status) =>
        $"Ticket #{id} '{title}' is {status}. Deleting it is permanent. " +
        $"Reply \"yes\" to delete ticket #{id}, or \"no\" to keep it.";

    public const string NothingToConfirm =
        "There is nothing waiting for a yes or no. To delete a ticket, say \"delete ticket 12\" and I will ask you to confirm.";

    public static string Kept(long id) => $"OK, ticket #{id} stays as it is; nothing was deleted.";

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "..." : text;
}
