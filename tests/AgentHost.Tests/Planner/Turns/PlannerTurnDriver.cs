using System.Text.Json;
using AgentHost.Chat.Planner;
using Microsoft.Extensions.AI;

namespace AgentHost.Tests.Planner.Turns;

/// <summary>
/// Runs the offline planner through whole turns as the tool loop would (call, result, call again), with the tool
/// results written by the test as JSON, the form a stored session holds them in. Records every call made.
/// </summary>
internal sealed class PlannerTurnDriver(Func<string, IDictionary<string, object?>, string> results, params string[] offered)
{
    private readonly OfflinePlannerChatClient _planner = new(TimeProvider.System);
    private readonly List<ChatMessage> _history = [];
    private readonly ChatOptions _options = new()
    {
        Tools = offered.Select(name => (AITool)AIFunctionFactory.Create(() => "", name)).ToList(),
    };

    /// <summary>The calls of the latest turn, as <c>tool {"arg":value}</c> lines.</summary>
    public List<string> Calls { get; } = [];

    public async Task<string> SayAsync(string message)
    {
        Calls.Clear();
        _history.Add(new ChatMessage(ChatRole.User, message));
        for (var round = 0; round < 10; round++)
        {
            var response = await _planner.GetResponseAsync(_history, _options);
            var calls = response.Messages.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).ToList();
            if (calls.Count == 0)
            {
                _history.AddRange(response.Messages);
                return response.Text;
            }

            _history.Add(new ChatMessage(ChatRole.Assistant, [.. calls]));
            var answers = new List<AIContent>();
            foreach (var call in calls)
            {
                var arguments = call.Arguments ?? new Dictionary<string, object?>();
                Calls.Add($"{call.Name} {JsonSerializer.Serialize(new SortedDictionary<string, object?>(arguments.ToDictionary(), StringComparer.Ordinal))}");
                answers.Add(new FunctionResultContent(call.CallId, JsonDocument.Parse(results(call.Name, arguments)).RootElement.Clone()));
            }

            _history.Add(new ChatMessage(ChatRole.Tool, answers));
        }

        throw new InvalidOperationException("The planner did not finish the turn in 10 rounds.");
    }

    /// <summary>A tool result as the catalogue writes it: <c>{"ok", "summary", "data"}</c>.</summary>
    public static string Result(bool ok, string summary, object? data = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["ok"] = ok, ["summary"] = summary, ["data"] = data });
}
