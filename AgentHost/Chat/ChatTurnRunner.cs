using System.Runtime.CompilerServices;
using AgentHost.Chat.Sessions;
using AgentHost.Chat.Sessions.Storage;
using AgentHost.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Chat;

/// <summary>
/// Runs one chat turn on a claimed session and turns the pipeline's updates into stream events: text as
/// <c>token</c>s, finished tool calls as <c>tool</c>s, and exactly one terminal <c>end</c> or <c>error</c>.
/// The history, a confirmation question (if one was asked) and the transcript are saved only when the turn
/// completes, and only if no other host took the session over meanwhile; a failed or cancelled turn (client
/// gone) saves nothing and releases its claim. While it runs, its claim's lease is renewed (<see cref="TurnLeaseRenewal"/>).
/// </summary>
public sealed class ChatTurnRunner(
    IChatClient pipeline,
    TicketToolCatalogue catalogue,
    ChatSessionStore sessions,
    TimeProvider timeProvider,
    ILogger<ChatTurnRunner> logger)
{
    public const string NotSaved =
        "This answer could not be saved because the session was taken over meanwhile (another request or server answered it); send your message again.";

    /// <summary>
    /// Runs the turn <paramref name="started"/> (so no other turn runs on its session). A confirmation the
    /// previous answer asked for is handed to the model as structured state and is consumed by this message
    /// whatever it says (the claim already cleared it).
    /// </summary>
    public async IAsyncEnumerable<ChatStreamEvent> RunAsync(TurnStarted started, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(started);
        var (claim, turn) = (started.Claim, started.Turn);
        var settled = false; // saved, or released: either way the stored session no longer waits for this turn
        using var turnRunning = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = TurnLeaseRenewal.RunAsync(sessions.Repository, claim, sessions.TurnLease, timeProvider, logger, turnRunning.Token);
        try
        {
            var now = timeProvider.GetUtcNow();
            var pending = claim.Pending is { } asked && now - asked.AskedAt <= sessions.ConfirmationTimeout ? asked : null;
            var user = new ChatMessage(ChatRole.User, turn.Message);
            var options = new ChatOptions
            {
                Instructions = SystemPrompt.Build(now),
                // The signed-in person's tools only: a requester's model is never shown delete or update (docs/tools.md).
                Tools = [.. catalogue.FunctionsFor(TicketApi.Accounts.ActingContext.Actor)],
            };
            if (pending is not null)
            {
                options.AdditionalProperties = new() { [PendingConfirmation.OptionsKey] = pending };
            }

            var updates = new List<ChatResponseUpdate>();
            var stream = pipeline.GetStreamingResponseAsync([.. claim.History, user], options, cancellationToken);
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
                    logger.LogWarning(ex, "Chat turn on session {SessionId} failed", claim.Id);
                    failure = ChatErrors.Describe(ex);
                }

                if (failure is not null)
                {
                    // Released before the error frame: a client that resends at once must find the session free.
                    await sessions.Repository.ReleaseAsync(claim, CancellationToken.None);
                    settled = true;
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

            var saved = await sessions.Repository.CompleteAsync(claim, Completed(claim, turn, updates), timeProvider.GetUtcNow(), cancellationToken);
            settled = true; // not saved means the claim is no longer ours: nothing to release
            if (!saved)
            {
                logger.LogWarning("Chat turn {Turn} on session {SessionId} was not saved: the session changed meanwhile", turn.Number, claim.Id);
                yield return ChatStreamEvent.ForError(NotSaved);
                yield break;
            }

            yield return ChatStreamEvent.ForEnd(claim.Id);
        }
        finally
        {
            await turnRunning.CancelAsync();
            await renewing;
            if (!settled)
            {
                // Not the request's token: it may be the reason we are here, and the claim must go either way.
                await sessions.Repository.ReleaseAsync(claim, CancellationToken.None);
            }
        }
    }

    private CompletedTurn Completed(ClaimedSession claim, ChatTurn turn, List<ChatResponseUpdate> updates)
    {
        var answer = HistoryOf(updates).ToList();
        var transcript = TranscriptBuilder.Lines(turn.Number, turn.Message, claim.ClaimedAt, answer, timeProvider.GetUtcNow());
        var filed = TranscriptBuilder.FiledTicketIds(transcript.SelectMany(line => line.ToolCalls));
        return new CompletedTurn(
            ChatHistory.Append(claim.History, [new ChatMessage(ChatRole.User, turn.Message), .. answer], sessions.MaxMessagesPerSession),
            Confirmation(updates),
            transcript,
            [.. claim.TicketIds.Concat(filed).Distinct()]);
    }

    /// <summary>The confirmation question the model asked in this turn, if it asked one, as session state.</summary>
    private PendingConfirmation? Confirmation(List<ChatResponseUpdate> updates)
    {
        var request = updates.SelectMany(u => u.Contents).OfType<ConfirmationRequest>().LastOrDefault();
        return request is null ? null : new PendingConfirmation(request.Action, request.TicketId, timeProvider.GetUtcNow());
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
