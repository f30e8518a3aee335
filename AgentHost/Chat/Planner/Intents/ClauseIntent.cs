using AgentHost.Chat.Planner.Language;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Intents;

/// <summary>What one clause asks for.</summary>
/// <param name="Ids">The tickets it acts on (a later "but not 41" or "I meant 17" edits these).</param>
/// <param name="PerId">The call for each id, when the action is per ticket.</param>
/// <param name="Calls">Calls not tied to ids (a list, a count).</param>
/// <param name="Question">Set when the clause is understood but a ticket or value is missing: ask, do not guess.</param>
/// <param name="Deletes">A delete: look the ticket up and ask to confirm.</param>
/// <param name="Explicit">The clause is unmistakably a command or a question about tickets (not words that only
/// happen to contain a filter word, as a follow-up answer or a problem description can).</param>
public sealed record ClauseIntent(
    IReadOnlyList<long> Ids,
    Func<long, PlannedCall>? PerId,
    IReadOnlyList<PlannedCall> Calls,
    string? Question = null,
    bool Deletes = false,
    AnswerStyle Style = AnswerStyle.Summaries,
    bool Explicit = true)
{
    public static ClauseIntent ForEach(IReadOnlyList<long> ids, Func<long, PlannedCall> call, AnswerStyle style = AnswerStyle.Summaries) =>
        new(ids, call, [], Style: style);

    public static ClauseIntent Ask(string question) => new([], null, [], question);

    public IEnumerable<PlannedCall> AllCalls() =>
        Deletes ? [] : (PerId is null ? Calls : Ids.Select(PerId).Concat(Calls));
}

/// <summary>What a clause is read against: the session's state and the ids earlier clauses of the same message named.</summary>
public sealed record ClauseScope(ConversationState State, IReadOnlyList<long> EarlierIds);

/// <summary>One intent: a small rule that recognises its kind of request in a clause, or says it is not one.</summary>
public interface IIntentRule
{
    ClauseIntent? Match(Clause clause, ClauseScope scope);
}
