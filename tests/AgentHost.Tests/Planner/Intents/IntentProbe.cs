using System.Text.Json;
using AgentHost.Chat.Planner;
using AgentHost.Chat.Planner.Intents;
using AgentHost.Chat.Planner.Language;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Tests.Planner.Intents;

/// <summary>Runs one intent rule on one clause and renders what it decided as a comparable line.</summary>
public static class IntentProbe
{
    // Dictated text stays readable in expectations: "We've", not "We\u0027ve".
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ConversationState Fresh => ConversationState.Empty(PlannerTable.Now);

    public static ClauseIntent? Read(IIntentRule rule, string words, ConversationState? state = null, IReadOnlyList<long>? earlierIds = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var clause = new Clause(TextNormalizer.Normalize(words), words, Negation.StanceOf(TextNormalizer.Normalize(words)));
        return rule.Match(clause, new ClauseScope(state ?? Fresh, earlierIds ?? []));
    }

    /// <summary><c>tool {"arg":value}</c> per call joined by " | "; "ask: ..." for a question; "delete? N"; "none" when the rule passes.</summary>
    public static string Render(ClauseIntent? intent) => intent switch
    {
        null => "none",
        { Question: { } question } => "ask: " + question,
        { Deletes: true } => $"delete? {intent.Ids[0]}",
        _ => string.Join(" | ", intent.AllCalls().Select(Render)),
    };

    public static string Render(PlannedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return $"{call.Tool} {JsonSerializer.Serialize(new SortedDictionary<string, object?>(call.Arguments.ToDictionary(), StringComparer.Ordinal), Readable)}";
    }

    public static string Probe(IIntentRule rule, string words, ConversationState? state = null, IReadOnlyList<long>? earlierIds = null) =>
        Render(Read(rule, words, state, earlierIds));

    public static ConversationState Showed(long id) => Fresh with { Focus = id };

    public static ConversationState Listed(params long[] ids) => Fresh with { Listed = ids };
}
