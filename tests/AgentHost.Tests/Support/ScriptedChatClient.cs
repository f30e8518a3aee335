using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentHost.Tests.Support;

/// <summary>
/// A model stand-in: each call runs the next script step, which sees the messages it was sent and returns
/// the updates to stream. Records every call so tests can check what the loop fed back.
/// </summary>
public sealed class ScriptedChatClient(params Func<IReadOnlyList<ChatMessage>, IEnumerable<ChatResponseUpdate>>[] steps) : IChatClient
{
    private int _calls;

    public List<IReadOnlyList<ChatMessage>> Received { get; } = [];

    /// <summary>When set, every call beyond the script repeats the last step (for limit tests).</summary>
    public bool RepeatLastStep { get; init; }

    public int CallCount => _calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Received.Add(list);
        var index = Interlocked.Increment(ref _calls) - 1;
        if (index >= steps.Length && !RepeatLastStep)
        {
            throw new InvalidOperationException($"The script has {steps.Length} steps; call {index + 1} was not expected.");
        }

        foreach (var update in steps[Math.Min(index, steps.Length - 1)](list))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    public static ChatResponseUpdate Text(string text) => new(ChatRole.Assistant, text) { MessageId = "m-" + text.GetHashCode() };

    public static ChatResponseUpdate Calls(params FunctionCallContent[] calls) => new(ChatRole.Assistant, [.. calls]) { MessageId = "calls-" + Guid.NewGuid() };

    public static FunctionCallContent Call(string name, params (string Key, object? Value)[] args) =>
        new("call_" + Guid.NewGuid().ToString("N")[..8], name, args.ToDictionary(a => a.Key, a => a.Value));
}
