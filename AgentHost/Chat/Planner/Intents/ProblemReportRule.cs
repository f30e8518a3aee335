using AgentHost.Chat.Planner.Problems;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>
/// A person describing their own problem: file it for them (title summarised, description their words) and leave
/// category and priority to the triager. Numbers in the words ("model 5530", "floor 12") stay part of the text.
/// The knowledge base is searched with their words in the same round: a good match turns into self-service steps
/// (docs/offline-assistant.md, "Self-service"); the search is optional, so filing never depends on it.
/// </summary>
public sealed partial class ProblemReportRule : IMessageRule
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:ticket|tkt)\s+(?:number\s+|no\.?\s*)?#?\d+|#\d+")]
    private static partial System.Text.RegularExpressions.Regex NamesATicket();

    public PlannerPlan? Match(string original, string text, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(text);
        // "ticket 18 isn't a network problem" is about a ticket, not a new problem: ask rather than file a duplicate.
        if (!ProblemReport.Matches(text) || NamesATicket().IsMatch(text))
        {
            return null;
        }

        var description = ProblemTitle.Description(original);
        return PlannerPlan.Run(
            [
                PlannerToolNames.Call(PlannerToolNames.CreateTicket, ("title", ProblemTitle.From(original)), ("description", description)),
                PlannerToolNames.Call(PlannerToolNames.SearchArticles, ("query", SearchQuery(description))) with { Optional = true },
            ],
            AnswerStyle.FiledProblem);
    }

    /// <summary>search_articles takes up to 500 characters; a longer report is cut at a word, its start says the most.</summary>
    public static string SearchQuery(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        const int max = 500;
        var text = description.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > 0 ? cut : max)];
    }
}
