using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TicketApi.Accounts;
using TicketApi.Contracts;

namespace AgentHost.Mcp;

/// <summary>
/// Makes every failure of a ticket tool an <c>isError</c> result that says what to fix. The catalogue reports
/// refusals (404, 409, validation) as a result with <c>ok: false</c> and a <c>summary</c>, which is right for the
/// chat loop but would reach an MCP client as a success; and the SDK answers most exceptions with a bare
/// "An error occurred invoking 'x'.", which gives a model nothing to act on.
/// </summary>
internal sealed class ToolErrorResultTool(McpServerTool inner, ILogger<ToolErrorResultTool> logger) : DelegatingMcpServerTool(inner)
{
    public override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var name = ProtocolTool.Name;
        try
        {
            // The session's person, through channel mcp, with the tool's name: what the audit trail records.
            using var acting = ActingContext.EnterTool(TicketMessageChannels.Mcp, name);
            var result = await base.InvokeAsync(request, cancellationToken);
            return RefusalMessage(result) is { } refusal ? ErrorResult(refusal) : result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (Describe(name, exception) is { } message)
        {
            logger.LogInformation(exception, "Tool {Tool} failed; returned as an error result", name);
            return ErrorResult(message);
        }
    }

    public static CallToolResult ErrorResult(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };

    /// <summary>
    /// The text of a refusal returned as a value (<c>{"ok": false, "summary": ...}</c>), with the allowed
    /// status transitions when the service named them; null for anything else.
    /// </summary>
    private static string? RefusalMessage(CallToolResult result)
    {
        if (result.IsError == true || result.Content is not [TextContentBlock { Text: var text }] || !text.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.False)
            {
                return null;
            }

            var summary = root.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()!
                : "The ticket service refused the request.";
            if (root.TryGetProperty("allowed_transitions", out var allowed) && allowed.ValueKind == JsonValueKind.Array
                && allowed.GetArrayLength() > 0 && !summary.Contains("allowed", StringComparison.OrdinalIgnoreCase))
            {
                summary += $" Allowed next statuses: {string.Join(", ", allowed.EnumerateArray().Select(a => a.ToString()))}.";
            }

            return summary;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Argument binding (AIFunctionFactory) throws ArgumentException for a missing required argument and
    // JsonException or FormatException for a value of the wrong type; say so and point at the schema.
    private static string? Describe(string tool, Exception exception) => exception switch
    {
        ArgumentException or JsonException or FormatException or InvalidCastException =>
            $"Invalid arguments for '{tool}': {exception.Message} Check the tool's input schema and call it again.",
        HttpRequestException =>
            $"'{tool}' could not reach the ticket service: {exception.Message} Try again shortly.",
        TimeoutException =>
            $"'{tool}' timed out waiting for the ticket service. Try again shortly.",
        _ => $"'{tool}' failed: {exception.Message}",
    };
}
