using System.Runtime.CompilerServices;
using AgentHost.Chat.Sessions;
using AgentHost.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Chat;

/// <summary>
/// Runs one chat turn on a session and turns the pipeline's updates into stream events: text as
/// <c>token</c>s, finished tool calls as <c>tool</c>s, and exactly one terminal <c>end</c> or <c>error</c>.
/// The history (and a confirmation question, if one was asked) is saved only when the turn completes; a
/// cancelled turn (client gone) saves nothing.
/// </summary>
public sealed class ChatTurnRunner(
    IChatClient pipeline,
    TicketToolCatalogue catalogue,
    ChatSessionStore sessions,
    TimeProvider timeProvider,
    ILogger<ChatTurnRunner> logger)
{
    /// <summary>
    /// Runs <paramref name="turn"/>, which the caller has started on <paramref name="session"/> (so no other turn
    /// runs there). A confirmation the previous answer asked for is handed to the model as structured state and is
    /// consumed by this message whatever it says.
    /// </summary>
    public async IAsyncEnumerable<ChatStreamEvent> RunAsync(ChatSession session, ChatTurn turn,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(turn);
        var now = timeProvider.GetUtcNow();
        var pending = session.TakePendingConfirmation(now, sessions.ConfirmationTimeout);
        var user = new ChatMessage(ChatRole.User, turn.Message);
        var options = new ChatOptions
        {
            Instructions = SystemPrompt.Build(now),
            Tools = [.. catalogue.Functions],
        };
        if (pending is not null)
        {
            options.AdditionalProperties = new() { [PendingConfirmation.OptionsKey] = pending };
        }

        var updates = new List<ChatResponseUpdate>();
        var stream = pipeline.GetStreamingResponseAsync([.. session.History, user], options, cancellationToken);
        await using var enumerator = stream.GetAsyncEnumerator(cancellationToken);

        while (true)
        {
            string? failure = null;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Chat turn on session {SessionId} failed", session.Id);
                failure = ChatErrors.Describe(ex);
            }

            if (failure is not null)
            {
                yield return ChatStreamEvent.ForError(failure);
                yield break;
            }

            var update = enumerator.Current;
            updates.Add(update);
            foreach (var content in update.Contents)
            {
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } text:
                        yield return ChatStreamEvent.ForToken(text.Text);
                        break;
                    case ToolCallReport report:
                        yield return ChatStreamEvent.ForTool(report);
                        break;
                }
            }
        }

        session.AppendTurn([user, .. HistoryOf(updates)], sessions.MaxMessagesPerSession);
        RememberConfirmation(session, updates);
        yield return ChatStreamEvent.ForEnd(session.Id);
    }

    /// <summary>Keeps the confirmation question the model asked in this turn, if it asked one, as session state.</summary>
    private void RememberConfirmation(ChatSession session, List<ChatResponseUpdate> updates)
    {
        var request = updates.SelectMany(u => u.Contents).OfType<ConfirmationRequest>().LastOrDefault();
        if (request is not null)
        {
            session.SetPendingConfirmation(new PendingConfirmation(request.Action, request.TicketId, timeProvider.GetUtcNow()));
        }
    }

    /// <summary>The turn's messages as the model needs them next time: reports are for the stream only.</summary>
    private static IEnumerable<ChatMessage> HistoryOf(List<ChatResponseUpdate> updates)
    {
        foreach (var message in updates.ToChatResponse().Messages)
        {
            var contents = message.Contents.Where(c => c is not (ToolCallReport or ConfirmationRequest)).ToList();
            if (contents.Count > 0)
            {
                yield return new ChatMessage(message.Role, contents) { MessageId = message.MessageId };
            }
        }
    }
}
