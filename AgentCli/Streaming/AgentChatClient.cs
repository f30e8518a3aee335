using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace AgentCli.Streaming;

/// <summary>
/// Sends one chat turn to the agent host (<c>POST /chat</c>) and yields its frames as they arrive.
/// Every way the exchange can fail surfaces as an <see cref="AgentHostException"/>; a stream that
/// stops without <c>end</c> or <c>error</c> is one of them, because a half answer must not look whole.
/// </summary>
internal sealed class AgentChatClient(HttpClient http, Uri agentUrl, string? token = null)
{
    // A trailing slash makes "chat" resolve under a base path (http://proxy/agent/ -> /agent/chat).
    private readonly Uri _chatUrl = new(agentUrl.AbsoluteUri.EndsWith('/') ? agentUrl : new Uri(agentUrl.AbsoluteUri + "/"), "chat");

    /// <summary>
    /// No reconnection on <c>retry</c>: a chat turn is not resumable (the host cancels the run when the
    /// client goes), so a broken stream is reported instead of silently asking the question twice.
    /// </summary>
    public async IAsyncEnumerable<ChatFrame> StreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            throw AgentHostException.Protocol($"expected an event stream (text/event-stream) but got '{mediaType ?? "no content type"}'");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var items = SseParser.Create(body).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await MoveNextAsync(items, cancellationToken))
        {
            if (ChatFrameParser.Parse(items.Current) is not { } frame)
            {
                continue;
            }

            yield return frame;
            if (frame is EndFrame or ErrorFrame)
            {
                // Stop at the terminal frame rather than waiting for the host to close the connection.
                yield break;
            }
        }

        throw AgentHostException.EndedEarly();
    }

    private async Task<HttpResponseMessage> SendAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _chatUrl)
        {
            // Buffered, not JsonContent's chunked upload: a Content-Length body suits every server and proxy.
            Content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8, "application/json"),
        };
        message.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null)
        {
            message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            // Headers only: the body is the stream and must be read as it is produced.
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            throw AgentHostException.Unreachable(agentUrl, ex);
        }
        catch (HttpRequestException ex)
        {
            // Connected, but the host hung up or answered garbage before the headers: not "unreachable".
            throw AgentHostException.StreamBroken(ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the user's Ctrl+C: the connect time-out of the handler fired.
            throw AgentHostException.Unreachable(agentUrl, new TimeoutException("connecting timed out", ex));
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await AgentHostException.FromResponseAsync(response, tokenSent: token is not null, cancellationToken);
            }
        }

        return response;
    }

    private static async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<SseItem<string>> items, CancellationToken cancellationToken)
    {
        try
        {
            return await items.MoveNextAsync();
        }
        catch (Exception ex) when ((ex is IOException or HttpRequestException) && !cancellationToken.IsCancellationRequested)
        {
            throw AgentHostException.StreamBroken(ex);
        }
    }
}
