using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentHost.Chat.Sessions;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using TicketApi.Contracts;

namespace AgentHost.Chat.Planner;

/// <summary>
/// The built-in planner used when no model is configured: a deterministic <see cref="IChatClient"/> that
/// turns a plain request into the same tool calls a model would make (see <see cref="PlannerIntentParser"/>)
/// and, once the tool loop hands the results back, phrases them as streamed text. A delete happens only after
/// the person asked for it and then said yes: the question comes with a <see cref="ConfirmationRequest"/> that
/// the turn runner keeps as session state, and "yes" acts only on the <see cref="PendingConfirmation"/> the
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

        var plan = PlannerIntentParser.Parse(messages[lastUser].Text, timeProvider.GetUtcNow());
        var turn = messages.Skip(lastUser + 1).ToList();
        var calls = turn.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).ToList();
        var results = turn.SelectMany(m => m.Contents.OfType<FunctionResultContent>()).ToList();

        if (plan.Kind is PlanKind.Confirm or PlanKind.Deny)
        {
            var pending = PendingDelete(options);
            if (pending is not { } id)
            {
                return Step.Say(PlannerReplies.NothingToConfirm);
            }

            if (plan.Kind == PlanKind.Deny)
            {
                return Step.Say(PlannerReplies.Kept(id));
            }

            return ConfirmedDelete(id, calls, results, options);
        }

        if (results.Count == 0)
        {
            return plan.Kind == PlanKind.Reply ? Step.Say(plan.Reply!) : Available(plan.Calls, options);
        }

        if (plan.Kind == PlanKind.DeleteRequest)
        {
            var lookup = View(results[^1]);
            // The ticket to confirm is the one the person named, never one read from a tool result.
            return lookup is { Ok: true, Ticket: { } ticket } && plan.TicketId is { } named && ticket.Id == named
                ? Step.Ask(PlannerReplies.ConfirmDelete(ticket.Id, ticket.Title, Status(ticket.ResolutionStatus)),
                    new ConfirmationRequest(TicketToolCatalogue.DeleteTicket, named))
                : Step.Say(lookup.Summary);
        }

        return Step.Say(Phrase(results));
    }

    /// <summary>After "yes": look the ticket up (round 1), delete it with its current title (round 2), report (round 3).</summary>
    private static Step ConfirmedDelete(long id, List<FunctionCallContent> calls, List<FunctionResultContent> results, ChatOptions? options)
    {
        if (results.Count == 0)
        {
            return Available([new PlannedCall(TicketToolCatalogue.GetTicket, new Dictionary<string, object?> { ["id"] = id })], options);
        }

        if (calls.Any(c => c.Name == TicketToolCatalogue.DeleteTicket))
        {
            return Step.Say(View(results[^1]).Summary); // the look-up was shown when confirmation was asked
        }

        var lookup = View(results[^1]);
        if (lookup is not { Ok: true, Ticket: { } ticket })
        {
            return Step.Say(lookup.Summary);
        }

        return Available([new PlannedCall(TicketToolCatalogue.DeleteTicket,
            new Dictionary<string, object?> { ["id"] = id, ["confirm_title"] = ticket.Title })], options);
    }

    /// <summary>The ticket whose deletion the previous answer asked to confirm, as the turn runner recorded it.</summary>
    private static long? PendingDelete(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PendingConfirmation.OptionsKey, out var value) == true
        && value is PendingConfirmation { Action: TicketToolCatalogue.DeleteTicket } pending
            ? pending.TicketId
            : null;

    private static Step Available(IReadOnlyList<PlannedCall> calls, ChatOptions? options)
    {
        var offered = (options?.Tools ?? []).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var missing = calls.FirstOrDefault(c => !offered.Contains(c.Tool));
        return missing is null
            ? Step.Run([.. calls])
            : Step.Say($"I would use the {missing.Tool} tool for that, but it is not available here.");
    }

    private static string Phrase(IEnumerable<FunctionResultContent> results) =>
        string.Join("\n", results.Select(r => View(r).Summary));

    private sealed record ResultView(bool Ok, string Summary, TicketDto? Ticket);

    /// <summary>Reads a tool result whether it is still our object or has been through JSON.</summary>
    private static ResultView View(FunctionResultContent result) => result.Result switch
    {
        TicketToolResult r => new(r.Ok, r.Summary, r.Data as TicketDto),
        JsonElement { ValueKind: JsonValueKind.Object } json => FromJson(json),
        string text => new(false, text, null),
        null when result.Exception is { } ex => new(false, ex.Message, null),
        var other => new(true, other?.ToString() ?? "Done.", null),
    };

    private static ResultView FromJson(JsonElement json)
    {
        var ok = json.TryGetProperty("ok", out var o) && o.ValueKind == JsonValueKind.True;
        var summary = json.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : json.GetRawText();
        TicketDto? ticket = null;
        if (json.TryGetProperty("data", out var data) && data.TryGetProperty("title", out _))
        {
            ticket = data.Deserialize<TicketDto>(TicketToolJson.Options);
        }

        return new(ok, summary, ticket);
    }

    private static string Status(TicketStatus status) => TicketStatuses.ToWire(status);

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Words();
}
