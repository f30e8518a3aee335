using AgentHost.Chat.Planner.Intents;
using AgentHost.Chat.Planner.Language;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner;

/// <summary>
/// The offline planner's understanding of one message (docs/offline-assistant.md): whole-message rules (a yes,
/// small talk, an explicit new ticket), then the message split into clauses, each read by the table of intents with
/// its own ids and action, negations and corrections applied across clauses; what no clause rule understands is a
/// follow-up answer, a problem to file, or, failing those, a question back or a list of what the planner can do.
/// Deterministic: the same words in the same state give the same plan.
/// </summary>
public static class OfflinePlanner
{
    public static PlannerPlan Understand(string message, ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(state);
        var original = message.Trim();
        var text = TextNormalizer.Normalize(original);

        foreach (var rule in IntentTable.Opening)
        {
            if (rule.Match(original, text, state) is { } opening
                // Without a question pending, "yes"/"no" may answer the facts asked about a filed problem, and
                // "delete it" is a delete request.
                && !(opening.Kind is PlanKind.Confirm or PlanKind.Deny && state.PendingDelete is null
                     && (state.Collecting is not null || text.Contains("delete", StringComparison.Ordinal))))
            {
                return opening;
            }
        }

        var (intents, understood) = ReadClauses(original, state);
        var commands = understood && intents.Count > 0
                       && (state.Collecting is null || intents.All(i => i.Explicit))
                       && !(intents.All(i => i.Question is not null) && ProblemLike(text, state));
        if (commands)
        {
            return Combine(intents);
        }

        foreach (var rule in IntentTable.Closing)
        {
            if (rule.Match(original, text, state) is { } closing)
            {
                return closing;
            }
        }

        if (intents.Count > 0 && intents.Any(i => i.Question is not null))
        {
            return PlannerPlan.Answer(intents.First(i => i.Question is not null).Question!);
        }

        var ids = TicketIds.Find(text);
        return ids.Count > 0
            ? PlannerPlan.Answer($"What should I do with ticket #{ids[0]}? I can show it (\"show ticket {ids[0]}\"), change its status " +
                                 $"(\"resolve {ids[0]}\"), its priority (\"set priority of {ids[0]} to high\"), add a note, or delete it.")
            : PlannerPlan.Answer(PlannerReplies.NotUnderstood(original));
    }

    /// <summary>Reads each clause; false when some clause is not understood.</summary>
    private static (List<ClauseIntent> Intents, bool Understood) ReadClauses(string original, ConversationState state)
    {
        var intents = new List<ClauseIntent>();
        IReadOnlyList<long> earlier = [];
        foreach (var clause in ClauseSplitter.Split(original))
        {
            if (clause.Stance == ClauseStance.Filler)
            {
                continue;
            }

            var named = TicketIds.Find(clause.Text);
            var scope = new ClauseScope(state, earlier);
            var intent = clause.Stance is ClauseStance.Excludes or ClauseStance.Corrects ? null : FirstMatch(clause, scope);

            // "but not 41" / "I meant 17": edits the ids of the clause before, unless it is a request of its own.
            if (intent is null && clause.Stance is ClauseStance.Excludes or ClauseStance.Corrects && named.Count > 0 && intents.Count > 0)
            {
                var last = intents[^1];
                var ids = clause.Stance == ClauseStance.Excludes ? last.Ids.Except(named).ToList() : CorrectedIds(last.Ids, named, clause.Text);
                intents[^1] = last with { Ids = ids };
                earlier = ids;
                continue;
            }

            intent ??= FirstMatch(clause, scope);
            if (intent is null && clause.Stance is ClauseStance.Excludes or ClauseStance.Corrects)
            {
                // "not 7, sorry, I meant 8. reopen 8": nothing to correct yet; "make 71 normal, not urgent": a
                // negated value already decided. Either way the clause adds nothing to do.
                earlier = clause.Stance == ClauseStance.Corrects && named.Count > 0 ? named : earlier;
                continue;
            }

            intent ??= FirstMatch(clause, scope);
            if (intent is null)
            {
                return (intents, false);
            }

            if (clause.Stance == ClauseStance.Forbids)
            {
                // "don't close 50, resolve it": nothing happens to 50 here, but "it" next means 50.
                earlier = intent.Ids.Count > 0 ? intent.Ids : named;
                continue;
            }

            intents.Add(intent);
            earlier = intent.Ids.Count > 0 ? intent.Ids : earlier;
        }

        return (intents, true);
    }

    /// <summary>"close 16, no wait, I meant 17" replaces 16 with 17; "not 7, I meant 8" (7 already gone) adds 8.</summary>
    private static List<long> CorrectedIds(IReadOnlyList<long> previous, IReadOnlyList<long> named, string text)
    {
        // "not 7 but 8" inside one clause: the last id is the meant one.
        var meant = named.Count > 1 ? [named[^1]] : named.ToList();
        return previous.Count <= 1 ? meant : previous.Take(previous.Count - 1).Concat(meant).Distinct().ToList();
    }

    private static ClauseIntent? FirstMatch(Clause clause, ClauseScope scope)
    {
        foreach (var rule in IntentTable.Clauses)
        {
            if (rule.Match(clause, scope) is { } intent)
            {
                return intent;
            }
        }

        return null;
    }

    /// <summary>Questions only ("close what?") but the words read as a problem report: the report wins.</summary>
    private static bool ProblemLike(string text, ConversationState state) =>
        state.Collecting is not null || Problems.ProblemReport.Matches(text) && TicketIds.Find(text).Count == 0;

    private static string IntentKey(PlannedCall call) =>
        call.Tool + string.Concat(call.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"|{a.Key}={a.Value}"));

    private static PlannerPlan Combine(List<ClauseIntent> intents)
    {
        // Any clause that needs an answer first: ask, do not guess (and do not half-run the rest).
        if (intents.FirstOrDefault(i => i.Question is not null) is { } unclear)
        {
            return PlannerPlan.Answer(unclear.Question!);
        }

        // "tkt 9 is fixed, mark it done" says the same thing twice: one call.
        var calls = intents.SelectMany(i => i.AllCalls()).DistinctBy(IntentKey).ToList();
        var delete = intents.FirstOrDefault(i => i.Deletes);
        var deleteId = delete?.Ids[0];
        if (deleteId is { } id)
        {
            calls.Add(PlannerToolNames.Call(PlannerToolNames.GetTicket, ("id", id)));
        }

        if (calls.Count == 0)
        {
            return PlannerPlan.Answer("Which ticket do you mean? Give its number, e.g. \"close ticket 12\".");
        }

        var style = intents.Select(i => i.Style).FirstOrDefault(s => s != AnswerStyle.Summaries);
        return PlannerPlan.Run(calls, style, deleteId);
    }
}
