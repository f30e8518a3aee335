using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Mcp.Http;

/// <summary>
/// The JSON-RPC content of one POST to <c>/mcp</c>: a single message, or (2025-03-26 only) a batch array.
/// </summary>
internal sealed record McpHttpRequestBody(IReadOnlyList<JsonRpcMessage> Messages, bool IsBatch)
{
    private static readonly JsonTypeInfo<CancelledNotificationParams> CancelledParamsTypeInfo =
        (JsonTypeInfo<CancelledNotificationParams>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CancelledNotificationParams));

    /// <summary>
    /// Reads the body within <see cref="McpHttpProtocol.MaxRequestBodyBytes"/>. On anything unusable it answers
    /// itself (413 problem for a body over the limit, 400 with a JSON-RPC error for bad JSON-RPC) and returns null.
    /// </summary>
    public static async Task<McpHttpRequestBody?> ReadAsync(HttpContext context)
    {
        // A declared length over the limit is refused before a byte is read; a chunked body is stopped by Kestrel
        // as soon as it passes the limit the endpoint sets (BadHttpRequestException 413 below).
        if (context.Request.ContentLength > McpHttpProtocol.MaxRequestBodyBytes)
        {
            await TooLargeAsync(context);
            return null;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLargeAsync(context);
            return null;
        }
        catch (BadHttpRequestException exception)
        {
            // A broken chunked encoding, a body that arrives too slowly: the client's fault, said as such.
            await Results.Problem(statusCode: exception.StatusCode, title: "Unreadable request body", detail: exception.Message)
                .ExecuteAsync(context);
            return null;
        }
        catch (JsonException exception)
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                $"Parse error: The POST body did not contain a valid JSON-RPC message. {exception.Message}", -32700);
            return null;
        }

        using (document)
        {
            return await MessagesAsync(context, document.RootElement);
        }
    }

    private static async Task<McpHttpRequestBody?> MessagesAsync(HttpContext context, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return ToMessage(root) is { } message ? new McpHttpRequestBody([message], IsBatch: false) : await InvalidAsync(context);
        }

        // JSON-RPC 2.0: an empty array is an invalid request, not an empty batch.
        var messages = new List<JsonRpcMessage>(root.GetArrayLength());
        foreach (var element in root.EnumerateArray())
        {
            if (ToMessage(element) is not { } message)
            {
                return await InvalidAsync(context);
            }

            messages.Add(message);
        }

        return messages.Count > 0 ? new McpHttpRequestBody(messages, IsBatch: true) : await InvalidAsync(context);
    }

    /// <summary>
    /// Answers 400 for a batch on a revision without batches (all but 2025-03-26; 2025-06-18 removed them) and for
    /// a batch holding initialize, which 2025-03-26 itself forbids. True when it answered.
    /// </summary>
    public async Task<bool> RefusedAsBatchAsync(HttpContext context, string protocolVersion)
    {
        if (!IsBatch)
        {
            return false;
        }

        if (!McpHttpProtocol.AllowsBatches(protocolVersion))
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                $"Invalid Request: JSON-RPC batches are not supported on protocol version {protocolVersion}; " +
                $"only {McpHttpProtocol.AssumedProtocolVersion} has them. Send one message per POST.", -32600);
            return true;
        }

        if (Messages.Any(m => m is JsonRpcRequest { Method: RequestMethods.Initialize }))
        {
            await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
                "Invalid Request: initialize must not be part of a JSON-RPC batch.", -32600);
            return true;
        }

        return false;
    }

    /// <summary>The ids of the requests this body cancels (<c>notifications/cancelled</c>); malformed ones are skipped.</summary>
    public IEnumerable<RequestId> CancelledRequestIds()
    {
        foreach (var message in Messages)
        {
            if (message is JsonRpcNotification { Method: NotificationMethods.CancelledNotification, Params: { } parameters }
                && ReadCancelled(parameters) is { } cancelled)
            {
                yield return cancelled.RequestId;
            }
        }
    }

    // "Invalid cancellation notifications SHOULD be ignored."
    private static CancelledNotificationParams? ReadCancelled(JsonNode parameters)
    {
        try
        {
            return parameters.Deserialize(CancelledParamsTypeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A JSON-RPC request, notification or response; null for any other JSON value.</summary>
    private static JsonRpcMessage? ToMessage(JsonElement element)
    {
        try
        {
            return element.ValueKind == JsonValueKind.Object ? element.Deserialize(McpHttpProtocol.MessageTypeInfo) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<McpHttpRequestBody?> InvalidAsync(HttpContext context)
    {
        await McpHttpProtocol.WriteErrorAsync(context, StatusCodes.Status400BadRequest,
            "Invalid Request: The POST body did not contain a valid JSON-RPC message (a request, notification or response object).", -32600);
        return null;
    }

    private static Task TooLargeAsync(HttpContext context) =>
        Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large",
                detail: $"An MCP message sent to /mcp may be at most {McpHttpProtocol.MaxRequestBodyBytes} bytes.")
            .ExecuteAsync(context);
}
