using System.Net.ServerSentEvents;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Mcp.Http;

/// <summary>
/// Lets a transport answer one POST: as an SSE stream (the SDK's way) or, in JSON-response mode, as the JSON-RPC
/// reply (an array of replies for a batch). A POST carrying only notifications or responses gets 202 and no body.
/// A request the client cancels (<c>notifications/cancelled</c> on another POST of its session) ends its POST
/// without an answer, as the cancellation utility asks ("the receiver SHOULD NOT send a response").
/// </summary>
internal sealed class McpHttpResponder(HttpContext context, StreamableHttpServerTransport transport, McpHttpSession? session, bool jsonResponse)
{
    /// <summary>
    /// When set, the answer to a single message is collected first and this is told whether it is an error before
    /// anything is sent, so the caller can still change the headers (the initialize flow drops the session id).
    /// </summary>
    public Action<bool>? BeforeAnswer { get; init; }

    public Task RespondAsync(McpHttpRequestBody body) =>
        body.IsBatch ? RespondToBatchAsync(body.Messages) : RespondToOneAsync(body.Messages[0]);

    private async Task RespondToOneAsync(JsonRpcMessage message)
    {
        if (!jsonResponse && BeforeAnswer is null)
        {
            McpHttpProtocol.StartEventStream(context);
            if (await HandleAsync(message, context.Response.Body) is not true)
            {
                // Nothing to answer (a notification), or the request was cancelled before anything was written.
                SetAcceptedUnlessStarted();
            }

            return;
        }

        // Collected first. In JSON mode only the reply to this request is sent; progress notifications written
        // before it have no place in a single JSON body.
        using var buffer = new MemoryStream();
        var wrote = await HandleAsync(message, buffer) is true;
        var reply = wrote ? FindReply(buffer, message) : null;
        BeforeAnswer?.Invoke(reply?.Message is JsonRpcError);
        if (!wrote || (jsonResponse && reply is null))
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        if (jsonResponse)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply!.Value.Json, context.RequestAborted);
            return;
        }

        McpHttpProtocol.StartEventStream(context);
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>
    /// The members of a batch run side by side, each into its own buffer; each one's SSE events are copied to the
    /// response as it finishes, so events never interleave mid-event. In JSON mode the replies form one array.
    /// </summary>
    private async Task RespondToBatchAsync(IReadOnlyList<JsonRpcMessage> messages)
    {
        var runs = messages.Select(async message =>
        {
            var buffer = new MemoryStream();
            return (Message: message, Buffer: buffer, Wrote: await HandleAsync(message, buffer) is true);
        }).ToList();

        if (!messages.Any(m => m is JsonRpcRequest))
        {
            await Task.WhenAll(runs);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        if (jsonResponse)
        {
            var replies = new List<string>();
            foreach (var (message, buffer, wrote) in await Task.WhenAll(runs))
            {
                using (buffer)
                {
                    if (wrote && FindReply(buffer, message) is { } reply)
                    {
                        replies.Add(reply.Json);
                    }
                }
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($"[{string.Join(',', replies)}]", context.RequestAborted);
            return;
        }

        McpHttpProtocol.StartEventStream(context);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await foreach (var run in Task.WhenEach(runs))
        {
            using var buffer = (await run).Buffer;
            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    /// <summary>
    /// Hands one message to the transport. True when it wrote an answer, false when there was nothing to answer,
    /// null when the client cancelled the request first.
    /// </summary>
    private async Task<bool?> HandleAsync(JsonRpcMessage message, Stream output)
    {
        using var post = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        using var tracking = session is not null && message is JsonRpcRequest request ? session.TrackPost(request.Id, post) : null;
        try
        {
            return await transport.HandlePostRequestAsync(message, output, post.Token);
        }
        catch (OperationCanceledException) when (post.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
    }

    private void SetAcceptedUnlessStarted()
    {
        if (!context.Response.HasStarted)
        {
            context.Response.Headers.ContentType = (string?)null;
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
    }

    /// <summary>The response or error to <paramref name="message"/> among the transport's SSE output, as sent and as parsed.</summary>
    private static (string Json, JsonRpcMessage Message)? FindReply(MemoryStream sse, JsonRpcMessage message)
    {
        if (message is not JsonRpcRequest request)
        {
            return null;
        }

        sse.Position = 0;
        foreach (var item in SseParser.Create(sse).Enumerate())
        {
            if (item.Data.Length == 0)
            {
                continue;
            }

            var candidate = JsonSerializer.Deserialize(item.Data, McpHttpProtocol.MessageTypeInfo);
            if (candidate is JsonRpcResponse or JsonRpcError && ((JsonRpcMessageWithId)candidate).Id == request.Id)
            {
                return (item.Data, candidate);
            }
        }

        return null;
    }
}
