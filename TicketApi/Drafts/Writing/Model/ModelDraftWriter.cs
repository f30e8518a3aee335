using System.ClientModel;
using OpenAI.Chat;

namespace TicketApi.Drafts.Writing.Model;

/// <summary>
/// Drafts with a chat model (docs/drafts.md, "Writing a draft with a model"): the same retrieval as the offline
/// writer, a strict JSON-schema answer, checked by <see cref="DraftAnswer"/>. Any failure (the provider's
/// error or timeout, a refusal, a cut-off or malformed answer, an unknown source, a leaked internal note)
/// falls back to the offline draft, whose remark says why; the model's text is never streamed before it
/// has passed the checks.
/// </summary>
public sealed class ModelDraftWriter(
    ChatClient client, DraftModelSettings settings, DraftRetrieval retrieval, OfflineDraftWriter offline, ILogger<ModelDraftWriter> logger) : IDraftWriter
{
    /// <summary>A reply, tech instructions and a few questions fit easily; the cap bounds what a runaway answer costs.</summary>
    private const int MaxOutputTokens = 2000;

    public string GeneratedBy => "model:" + settings.Provider.Model;

    public async Task<DraftContent> WriteAsync(DraftSubject subject, ReplyTextSink? replyText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var evidence = await retrieval.FindAsync(subject, cancellationToken);
        var content = await AskAsync(DraftPrompt.Write(subject, evidence), evidence, cancellationToken) switch
        {
            { Content: { } answer } => answer,
            { Failure: var failure } => OfflineDraftWriter.Compose(subject, evidence) with { Remark = Fallback(failure) },
        };
        await ReplyPieces.SendAsync(content.Reply, replyText, cancellationToken);
        return content;
    }

    public async Task<DraftContent> RefineAsync(
        DraftSubject subject, DraftContent current, string instruction, ReplyTextSink? replyText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(current);
        var evidence = await retrieval.FindAsync(subject, cancellationToken);
        var asked = await AskAsync(DraftPrompt.Refine(subject, evidence, current, instruction), evidence, cancellationToken);
        if (asked.Content is { } answer)
        {
            await ReplyPieces.SendAsync(answer.Reply, replyText, cancellationToken);
            return answer;
        }
        var refined = await offline.RefineAsync(subject, current, instruction, replyText, cancellationToken);
        return refined with { Remark = string.Join(" ", new[] { Fallback(asked.Failure), refined.Remark }.Where(r => r is not null)) };
    }

    private static string Fallback(string? failure) => $"The model's draft was not used ({failure}); this is the offline draft.";

    private async Task<(DraftContent? Content, string? Failure)> AskAsync(string user, DraftEvidence evidence, CancellationToken cancellationToken)
    {
        ChatMessage[] messages = [new SystemChatMessage(DraftPrompt.SystemMessage), new UserChatMessage(user)];
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(DraftPrompt.SchemaName, DraftPrompt.Schema,
                "A drafted helpdesk reply with staff instructions", jsonSchemaIsStrict: true),
            MaxOutputTokenCount = MaxOutputTokens,
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        try
        {
            ChatCompletion completion = await client.CompleteChatAsync(messages, options, deadline.Token);
            if (!string.IsNullOrEmpty(completion.Refusal))
            {
                throw new DraftModelException($"the model refused: {completion.Refusal}");
            }
            if (completion.FinishReason != ChatFinishReason.Stop)
            {
                throw new DraftModelException($"the answer ended with '{completion.FinishReason}', not a complete answer");
            }
            var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            return (DraftAnswer.Parse(text, evidence, GeneratedBy), null);
        }
        catch (DraftModelException ex)
        {
            return Failed(ex.Message);
        }
        catch (ClientResultException ex)
        {
            return Failed($"the model service answered {ex.Status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"no answer within {settings.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            return Failed($"the model service could not be reached ({ex.Message})");
        }
    }

    private (DraftContent?, string?) Failed(string reason)
    {
        logger.LogWarning("Drafting with {Model} fell back to the offline writer: {Reason}", settings.Provider.Model, reason);
        return (null, reason);
    }
}
