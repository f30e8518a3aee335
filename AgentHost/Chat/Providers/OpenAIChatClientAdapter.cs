using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AgentHost.Tools;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using AIFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace AgentHost.Chat.Providers;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI SDK's <see cref="ChatClient"/> (the Microsoft.Extensions.AI.OpenAI
/// package is not in the mirror). Streams text as it arrives and assembles streamed tool-call deltas into
/// <see cref="FunctionCallContent"/>s when the model's turn ends.
/// </summary>
public sealed class OpenAIChatClientAdapter(ChatClient chatClient, string providerName) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ToOpenAIMessages(messages, options?.Instructions);
        var completionOptions = ToOpenAIOptions(options);
        var toolCalls = new SortedDictionary<int, ToolCallBuilder>();
        string? completionId = null, modelId = null;
        OpenAI.Chat.ChatFinishReason? finish = null;

        await foreach (var update in chatClient.CompleteChatStreamingAsync(request, completionOptions, cancellationToken)
                           .WithCancellation(cancellationToken))
        {
            completionId ??= update.CompletionId;
            modelId ??= update.Model;
            finish = update.FinishReason ?? finish;

            foreach (var part in update.ContentUpdate)
            {
                if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
                {
                    yield return new ChatResponseUpdate(AIChatRole.Assistant, part.Text)
                    {
                        MessageId = completionId,
                        ResponseId = completionId,
                        ModelId = modelId,
                    };
                }
            }

            // A refusal is the model's answer too; show it rather than an empty reply.
            if (!string.IsNullOrEmpty(update.RefusalUpdate))
            {
                yield return new ChatResponseUpdate(AIChatRole.Assistant, update.RefusalUpdate)
                {
                    MessageId = completionId,
                    ResponseId = completionId,
                    ModelId = modelId,
                };
            }

            foreach (var delta in update.ToolCallUpdates)
            {
                if (!toolCalls.TryGetValue(delta.Index, out var call))
                {
                    toolCalls[delta.Index] = call = new ToolCallBuilder();
                }

                call.Id ??= delta.ToolCallId;
                call.Name ??= delta.FunctionName;
                if (delta.FunctionArgumentsUpdate is { } args && !args.IsEmpty)
                {
                    call.Arguments.Append(args.ToString());
                }
            }
        }

        var contents = new List<AIContent>();
        foreach (var (index, call) in toolCalls)
        {
            contents.Add(call.Build(index));
        }

        yield return new ChatResponseUpdate(AIChatRole.Assistant, contents)
        {
            MessageId = completionId,
            ResponseId = completionId,
            ModelId = modelId,
            FinishReason = contents.Count > 0 ? AIFinishReason.ToolCalls : MapFinish(finish),
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return new ChatClientMetadata(providerName);
        }

        return serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(chatClient) ? chatClient
            : null;
    }

    public void Dispose()
    {
        // ChatClient holds no unmanaged state; its pipeline's HttpClient is shared and process-wide.
    }

    internal static List<OpenAIChatMessage> ToOpenAIMessages(IEnumerable<AIChatMessage> messages, string? instructions)
    {
        var result = new List<OpenAIChatMessage>();
        if (!string.IsNullOrWhiteSpace(instructions))
        {
            result.Add(new SystemChatMessage(instructions));
        }

        foreach (var message in messages)
        {
            if (message.Role == AIChatRole.System)
            {
                result.Add(new SystemChatMessage(message.Text));
            }
            else if (message.Role == AIChatRole.User)
            {
                result.Add(new UserChatMessage(message.Text));
            }
            else if (message.Role == AIChatRole.Assistant)
            {
                var calls = message.Contents.OfType<FunctionCallContent>()
                    .Select(c => ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name,
                        BinaryData.FromString(JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), TicketToolJson.Options))))
                    .ToList();
                if (calls.Count == 0)
                {
                    if (!string.IsNullOrEmpty(message.Text))
                    {
                        result.Add(new AssistantChatMessage(message.Text));
                    }

                    continue;
                }

                var assistant = new AssistantChatMessage(calls);
                if (!string.IsNullOrEmpty(message.Text))
                {
                    assistant.Content.Add(ChatMessageContentPart.CreateTextPart(message.Text));
                }

                result.Add(assistant);
            }
            else if (message.Role == AIChatRole.Tool)
            {
                foreach (var toolResult in message.Contents.OfType<FunctionResultContent>())
                {
                    result.Add(new ToolChatMessage(toolResult.CallId, SerializeResult(toolResult)));
                }
            }
        }

        return result;
    }

    private static string SerializeResult(FunctionResultContent result) => result.Result switch
    {
        null when result.Exception is { } ex => $"Error: {ex.Message}",
        null => "",
        string text => text,
        var value => JsonSerializer.Serialize(value, TicketToolJson.Options),
    };

    private static ChatCompletionOptions ToOpenAIOptions(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        result.Temperature = options.Temperature;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.TopP = options.TopP;
        foreach (var tool in options.Tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            result.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description,
                BinaryData.FromString(tool.JsonSchema.GetRawText())));
        }

        if (result.Tools.Count > 0)
        {
            result.ToolChoice = options.ToolMode is NoneChatToolMode ? ChatToolChoice.CreateNoneChoice()
                : options.ToolMode is RequiredChatToolMode ? ChatToolChoice.CreateRequiredChoice()
                : ChatToolChoice.CreateAutoChoice();
            // Sent only when asked for: some OpenAI-compatible servers reject the parameter.
            result.AllowParallelToolCalls = options.AllowMultipleToolCalls;
        }

        return result;
    }

    private static AIFinishReason? MapFinish(OpenAI.Chat.ChatFinishReason? finish) => finish switch
    {
        OpenAI.Chat.ChatFinishReason.Stop => AIFinishReason.Stop,
        OpenAI.Chat.ChatFinishReason.Length => AIFinishReason.Length,
        OpenAI.Chat.ChatFinishReason.ContentFilter => AIFinishReason.ContentFilter,
        OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => AIFinishReason.ToolCalls,
        _ => null,
    };

    private sealed class ToolCallBuilder
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public StringBuilder Arguments { get; } = new();

        public FunctionCallContent Build(int index)
        {
            var name = Name ?? throw new ChatProviderException($"The model sent tool call #{index} without a function name.");
            var text = Arguments.ToString();
            Dictionary<string, object?> arguments;
            try
            {
                arguments = string.IsNullOrWhiteSpace(text)
                    ? []
                    : JsonSerializer.Deserialize<Dictionary<string, object?>>(text, TicketToolJson.Options)
                      ?? throw new JsonException("the arguments are null, not an object");
            }
            catch (JsonException ex)
            {
                // Not the provider's failure but the model's: the tool loop answers it with an error result
                // naming the problem, so the model can call again (FunctionCallContent.Exception).
                return new FunctionCallContent(Id ?? $"call_{index}", name)
                {
                    Exception = new JsonException(ex.BytePositionInLine is { } at
                        ? $"'{Truncate(text)}' is not a JSON object (it breaks at character {at + 1})"
                        : $"'{Truncate(text)}' is not a JSON object", ex),
                };
            }

            return new FunctionCallContent(Id ?? $"call_{index}", name, arguments);
        }

        private static string Truncate(string text) => text.Length > 120 ? text[..120] + "..." : text;
    }
}
