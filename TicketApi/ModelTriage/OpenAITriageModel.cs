using OpenAI.Chat;
using TicketApi.Ai;
using TicketApi.Triage;

namespace TicketApi.ModelTriage;

/// <summary>
/// Triage through the OpenAI SDK's chat completions with a strict JSON-schema response format, on any
/// provider <see cref="OpenAIChatClientFactory"/> builds (OpenAI, Azure OpenAI, OpenAI-compatible servers).
/// Temperature is left at the provider's default: reasoning models refuse any other value.
/// </summary>
public sealed class OpenAITriageModel(ChatClient client) : ITriageModel
{
    /// <summary>Three one-line reasons and their labels fit easily; the cap bounds what a runaway answer costs.</summary>
    private const int MaxOutputTokens = 600;

    public static OpenAITriageModel Create(ChatProviderSettings settings) => new(OpenAIChatClientFactory.Create(settings));

    public async Task<TriageOutcome> TriageAsync(TriageInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ChatMessage[] messages = [new SystemChatMessage(TriagePrompt.SystemMessage), new UserChatMessage(TriagePrompt.Ticket(input))];
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(TriagePrompt.SchemaName, TriagePrompt.Schema,
                "Category, priority and sentiment of one helpdesk ticket", jsonSchemaIsStrict: true),
            MaxOutputTokenCount = MaxOutputTokens,
        };
        ChatCompletion completion = await client.CompleteChatAsync(messages, options, cancellationToken);
        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            throw new TriageModelException($"the model refused: {completion.Refusal}");
        }
        if (completion.FinishReason != ChatFinishReason.Stop)
        {
            throw new TriageModelException($"the answer ended with '{completion.FinishReason}', not a complete answer");
        }
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return TriageAnswer.Parse(text);
    }
}
