using System.Runtime.CompilerServices;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using TicketApi.Accounts;
using TicketApi.Contracts;

namespace AgentHost.Chat;

/// <summary>
/// Our function-invocation loop (Microsoft.Extensions.AI's FunctionInvokingChatClient is not in the mirror),
/// modelled on it: ask the model, run the tool calls it makes (in parallel), feed the results back, repeat
/// until it answers in text. Tool exceptions, malformed argument JSON and unknown tool names are fed back as
/// error results the model can read. The loop stops after <see cref="MaximumRounds"/> tool rounds, or after
/// <see cref="MaximumConsecutiveFailedRounds"/> failed rounds in a row: rounds in which every call broke (an
/// exception, malformed arguments, an unknown tool, or the ticket service unreachable after its retries).
/// A refusal (404, 409, a bad filter value) is an answer, not a failure: "close 21, 22 and 23" on missing
/// tickets must end in the model saying they are missing, not in "too many errors". Every finished call is
/// yielded as a <see cref="ToolCallReport"/> for the SSE stream, and the tool results as a Tool-role update
/// so callers can keep the whole exchange as history.
/// </summary>
public sealed class ToolInvokingChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    public int MaximumRounds { get; init; } = 10;

    public int MaximumConsecutiveFailedRounds { get; init; } = 3;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var history = messages.ToList();
        var functions = (options?.Tools ?? []).OfType<AIFunction>().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var failedRoundsInARow = 0;

        for (var round = 1; ; round++)
        {
            var roundUpdates = new List<ChatResponseUpdate>();
            var calls = new List<FunctionCallContent>();
            await foreach (var update in base.GetStreamingResponseAsync(history, options, cancellationToken))
            {
                roundUpdates.Add(update);
                calls.AddRange(update.Contents.OfType<FunctionCallContent>());
                yield return update;
            }

            history.AddRange(roundUpdates.ToChatResponse().Messages);
            if (calls.Count == 0)
            {
                yield break;
            }

            if (round > MaximumRounds)
            {
                throw new ToolLoopException(
                    $"Stopped after {MaximumRounds} rounds of tool calls without a final answer. Try a narrower request.");
            }

            // Run the round's calls side by side, surfacing each as it finishes.
            var pending = calls.Select(call => InvokeAsync(call, functions, cancellationToken)).ToList();
            var outcomes = new Dictionary<FunctionCallContent, CallOutcome>();
            await foreach (var finished in Task.WhenEach(pending).WithCancellation(cancellationToken))
            {
                var outcome = await finished;
                outcomes[outcome.Call] = outcome;
                var result = new FunctionResultContent(outcome.Call.CallId, outcome.Result) { Exception = outcome.Exception };
                yield return new ChatResponseUpdate(ChatRole.Tool, [result, new ToolCallReport(outcome.Call, outcome.Succeeded, outcome.Summary)])
                {
                    MessageId = $"tools-{round}",
                };
            }

            history.Add(new ChatMessage(ChatRole.Tool,
                calls.Select(c => (AIContent)new FunctionResultContent(c.CallId, outcomes[c].Result)).ToList()));

            failedRoundsInARow = calls.All(c => outcomes[c].Broke) ? failedRoundsInARow + 1 : 0;
            if (failedRoundsInARow >= MaximumConsecutiveFailedRounds)
            {
                throw new ToolLoopException(
                    $"Stopped after {MaximumConsecutiveFailedRounds} rounds of failed tool calls in a row. Last error: {outcomes[calls[^1]].Summary}");
            }
        }
    }

    private static async Task<CallOutcome> InvokeAsync(FunctionCallContent call, IReadOnlyDictionary<string, AIFunction> functions,
        CancellationToken cancellationToken)
    {
        if (!functions.TryGetValue(call.Name, out var function))
        {
            return Broken(call, $"Error: there is no tool named '{call.Name}'. Available tools: {string.Join(", ", functions.Keys)}.", null);
        }

        if (call.Exception is { } parseError)
        {
            // The provider could not read the arguments the model wrote (see OpenAIChatClientAdapter).
            return Broken(call, $"Error: the arguments for {call.Name} could not be read: {parseError.Message}. " +
                                "Call it again with a JSON object of its parameters.", parseError);
        }

        try
        {
            // The audit trail records the chat's changes as the signed-in person, through channel chat, with the tool's name.
            using var acting = ActingContext.EnterTool(TicketMessageChannels.Chat, call.Name);
            var value = await function.InvokeAsync(new AIFunctionArguments(call.Arguments), cancellationToken);
            return value switch
            {
                TicketToolResult result => new CallOutcome(call, result, result.Ok, result.FailureKind == ToolFailure.Unavailable, result.Summary, null),
                _ => new CallOutcome(call, value, true, false, $"{call.Name} finished.", null),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any tool failure is data for the model, not a crash of the turn.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Binding errors of plain functions and tool bugs alike: tell the model what went wrong.
            return Broken(call, $"Error: {call.Name} failed: {ex.Message}", ex);
        }
    }

    private static CallOutcome Broken(FunctionCallContent call, string error, Exception? exception) =>
        new(call, error, false, true, error, exception);

    /// <param name="Broke">The call failed rather than being answered: it counts towards stopping the loop.</param>
    private sealed record CallOutcome(FunctionCallContent Call, object? Result, bool Succeeded, bool Broke, string Summary, Exception? Exception);
}
