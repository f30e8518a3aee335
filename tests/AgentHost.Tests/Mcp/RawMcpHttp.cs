using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// Hand-made Streamable HTTP requests, for the status codes and headers that an SDK client would never get
/// wrong on purpose.
/// </summary>
internal static class RawMcpHttp
{
    public const string InitializeBody =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw-test","version":"1.0"}}}""";

    public const string InitializedNotification = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";

    public const string ToolsListBody = """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

    public static HttpRequestMessage Post(string body, string accept = "application/json, text/event-stream",
        string? sessionId = null, string? origin = null, string? protocolVersion = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        AddCommon(request, sessionId, origin, protocolVersion);
        return request;
    }

    public static HttpRequestMessage Get(string? sessionId, string accept = "text/event-stream", string? protocolVersion = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        AddCommon(request, sessionId, null, protocolVersion);
        return request;
    }

    public static HttpRequestMessage Delete(string? sessionId)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, "");
        AddCommon(request, sessionId, null, null);
        return request;
    }

    private static void AddCommon(HttpRequestMessage request, string? sessionId, string? origin, string? protocolVersion)
    {
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (protocolVersion is not null)
        {
            request.Headers.Add("MCP-Protocol-Version", protocolVersion);
        }
    }

    /// <summary>Initializes a session the way a 2025 client does and returns its id.</summary>
    public static async Task<string> InitializeSessionAsync(HttpClient http)
    {
        using var response = await http.SendAsync(Post(InitializeBody));
        response.EnsureSuccessStatusCode();
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = await http.SendAsync(Post(InitializedNotification, sessionId: sessionId, protocolVersion: "2025-11-25"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, initialized.StatusCode);
        return sessionId;
    }

    /// <summary>The JSON-RPC messages of an SSE response body.</summary>
    public static async Task<List<JsonElement>> ReadEventsAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var messages = new List<JsonElement>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync())
        {
            if (item.Data.Length > 0)
            {
                messages.Add(JsonDocument.Parse(item.Data).RootElement.Clone());
            }
        }

        return messages;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
