using System.Text.Json;
using AgentHost.Chat.Planner.State;

namespace AgentHost.Chat.Planner.Drafts;

/// <summary>One source a draft rests on: an article or an earlier ticket.</summary>
public sealed record DraftSource(string Type, long Id, string Title);

/// <summary>
/// A draft as <c>draft_reply</c> and <c>get_draft</c> return it (<see cref="AgentHost.Tools.DraftView"/>: reply,
/// tech_instructions_staff_only, solution_status, follow_up_questions, sources), read from a tool result's data,
/// directly or under <c>draft</c>.
/// </summary>
public sealed record DraftView(
    long TicketId,
    int? Version,
    string Reply,
    string TechInstructions,
    string SolutionStatus,
    IReadOnlyList<string> FollowUpQuestions,
    IReadOnlyList<DraftSource> Sources)
{
    public const string Final = "FINAL";
    public const string NeedsFollowUp = "NEEDS_FOLLOW_UP";

    /// <summary>The draft in a successful result; null when the result holds none.</summary>
    public static DraftView? From(ToolResultView result, long ticketId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var data = result.Data;
        if (!result.Ok || data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!data.TryGetProperty("reply", out _) && data.TryGetProperty("draft", out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            data = inner;
        }

        if (!data.TryGetProperty("reply", out var reply) || reply.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return new DraftView(
            data.TryGetProperty("ticket_id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : ticketId,
            data.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number ? version.GetInt32() : null,
            reply.GetString()!,
            Text(data, "tech_instructions_staff_only"),
            Text(data, "solution_status").ToUpperInvariant(),
            data.TryGetProperty("follow_up_questions", out var questions) && questions.ValueKind == JsonValueKind.Array
                ? questions.EnumerateArray().Where(q => q.ValueKind == JsonValueKind.String).Select(q => q.GetString()!).ToList()
                : [],
            data.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Array
                ? sources.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("id", out var sid) && sid.ValueKind == JsonValueKind.Number)
                    .Select(s => new DraftSource(Text(s, "type"), s.GetProperty("id").GetInt64(), Text(s, "title"))).ToList()
                : []);
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
