using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AgentHost.Chat.Planner.State;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using TicketApi.Contracts;

namespace AgentHost.Chat.Planner;

/// <summary>
/// The built-in planner used when no model is configured: a deterministic <see cref="IChatClient"/> that
/// turns a plain request into the same tool calls a model would make (see <see cref="OfflinePlanner"/>)
/// and, once the tool loop hands the results back, phrases them as streamed text. A delete happens only after
/// the person asked for it and then said yes: the question comes with a <see cref="ConfirmationRequest"/> that
/// the turn runner keeps as session state, and "yes" acts only on the <see cref="Sessions.PendingConfirmation"/> the
/// runner hands back in the options (never on text of earlier answers, which ticket titles can forge).
/// </summary>
public sealed partial class OfflinePlannerChatClient(TimeProvider timeProvider) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var step = Decide(messages.ToList(), options);
        var messageId = "planner-" + Guid.NewGuid().ToString("N");

        if (step.Calls.Count > 0)
        {
            var contents = step.Calls
                .Select(c => (AIContent)new FunctionCallContent("call_" + Guid.NewGuid().ToString("N")[..12], c.Tool,
                    new Dictionary<string, object?>(c.Arguments)))
                .ToList();
            yield return new ChatResponseUpdate(ChatRole.Assistant, contents)
            {
                MessageId = messageId,
                FinishReason = ChatFinishReason.ToolCalls,
            };
            yield break;
        }

        // Stream word by word, as a model would, so clients see tokens arrive.
        foreach (Match word in Words().Matches(step.Text ?? ""))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word.Value) { MessageId = messageId };
        }

        List<AIContent> closing = step.Confirmation is null ? [] : [step.Confirmation];
        yield return new ChatResponseUpdate(ChatRole.Assistant, closing) { MessageId = messageId, FinishReason = ChatFinishReason.Stop };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : serviceKey is null && serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("offline-planner")
            : null;
    }

    public void Dispose()
    {
        // Nothing to release: the planner holds no resources.
    }

    private sealed record Step(IReadOnlyList<PlannedCall> Calls, string? Text, ConfirmationRequest? Confirmation = null)
    {
        public static Step Say(string text) => new([], text);

        public static Step Ask(string text, ConfirmationRequest confirmation) => new([], text, confirmation);

        public static Step Run(params PlannedCall[] calls) => new(calls, null);
    }

    private Step Decide(List<ChatMessage> messages, ChatOptions? options)
    {
        var lastUser = messages.FindLastIndex(m => m.Role == ChatRole.User);
        if (lastUser < 0)
        {
            return Step.Say(PlannerReplies.Help);
        }

        // What earlier turns mean comes from their tool calls and results and the pending confirmation, never from text.
        var state = ConversationStateReader.Read(messages.Take(lastUser + 1).ToList(), options, timeProvider.GetUtcNow());
        var plan = OfflinePlanner.Understand(messages[lastUser].Text, state);
        var turn = messages.Skip(lastUser + 1).ToList();
        var calls = turn.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).ToList();
        var results = turn.SelectMany(m => m.Contents.OfType<FunctionResultContent>()).ToList();

        if (plan.Kind is PlanKind.Confirm or PlanKind.Deny)
        {
            if (state.PendingDelete is not { } id)
            {
                return Step.Say(PlannerReplies.NothingToConfirm);
            }

            return plan.Kind == PlanKind.Deny ? Step.Say(PlannerReplies.Kept(id)) : ConfirmedDelete(id, calls, results, options);
        }

        if (plan.Kind == PlanKind.Reply)
        {
            return Step.Say(plan.Reply!);
        }

        if (results.Count == 0)
        {
            return Available(plan.Calls, options);
        }

        var byCall = results.GroupBy(r => r.CallId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => ToolResultView.Of(g.First()), StringComparer.Ordinal);
        if (PlannerRounds.Phrases(plan.Style))
        {
            // Every call of the turn so far, in the order made: later rounds were decided from earlier results.
            var made = calls.Where(c => byCall.ContainsKey(c.CallId))
                .Select(c => (new PlannedCall(c.Name, new Dictionary<string, object?>(c.Arguments ?? new Dictionary<string, object?>(), StringComparer.Ordinal)), byCall[c.CallId]))
                .ToList();
            return PlannerRounds.Next(plan, made, state) is { } next
                ? Available(next, options)
                : Step.Say(PlannerRounds.Phrase(plan, made, state));
        }

        var answered = plan.Calls.Zip(calls)
            .Where(pair => byCall.ContainsKey(pair.Second.CallId))
            .Select(pair => (pair.First, byCall[pair.Second.CallId]))
            .ToList();
        var text = PlannerAnswers.Phrase(plan, answered);
        if (plan.DeleteId is { } named)
        {
            // The ticket to confirm is the one the person named, never one read from a tool result.
            var lookup = answered.LastOrDefault(a => a.First.Tool == PlannerToolNames.GetTicket && Equals(a.First.Arguments["id"], named)).Item2;
            var prefix = text.Length > 0 ? text + "\n" : "";
            return lookup is { Ok: true, Ticket: { } ticket } && ticket.Id == named
                ? Step.Ask(prefix + PlannerReplies.ConfirmDelete(ticket.Id, ticket.Title, TicketStatuses.ToWire(ticket.ResolutionStatus)),
                    new ConfirmationRequest(TicketToolCatalogue.DeleteTicket, named))
                : Step.Say(prefix + (lookup?.Summary ?? $"Ticket #{named} could not be looked up."));
        }

        return Step.Say(text);
    }

    /// <summary>After "yes": look the ticket up (round 1), delete it with its current title (round 2), report (round 3).</summary>
    private static Step ConfirmedDelete(long id, List<FunctionCallContent> calls, List<FunctionResultContent> results, ChatOptions? options)
    {
        if (results.Count == 0)
        {
            return Available([PlannerToolNames.Call(TicketToolCatalogue.GetTicket, ("id", id))], options);
        }

        var last = ToolResultView.Of(results[^1]);
        if (calls.Any(c => c.Name == TicketToolCatalogue.DeleteTicket))
        {
            return Step.Say(last.Summary); // the look-up was shown when confirmation was asked
        }

        if (last is not { Ok: true, Ticket: { } ticket })
        {
            return Step.Say(last.Summary);
        }

        return Available([PlannerToolNames.Call(TicketToolCatalogue.DeleteTicket, ("id", id), ("confirm_title", ticket.Title))], options);
    }

    private static Step Available(IReadOnlyList<PlannedCall> calls, ChatOptions? options)
    {
        var offered = (options?.Tools ?? []).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var needed = calls.Where(c => !c.Optional || offered.Contains(c.Tool)).ToList();
        var missing = needed.FirstOrDefault(c => !offered.Contains(c.Tool));
        return missing is null
            ? Step.Run([.. needed])
            : Step.Say(PlannerReplies.NotOffered(missing.Tool,
                !TicketApi.Tickets.TicketVisibility.SeesEverything(TicketApi.Accounts.ActingContext.Actor)));
    }

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Words();
}
