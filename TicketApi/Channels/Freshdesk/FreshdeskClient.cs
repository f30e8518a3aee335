using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TicketApi.Channels.Freshdesk;

/// <summary>
/// Freshdesk's v2 REST API as the connector uses it (docs/channels.md, "Freshdesk connector: requests"), with the
/// pacing the issue asks for: <see cref="FreshdeskSettings.RateLimitDelay"/> before every request but a cycle's
/// first; a 429 waits what Retry-After says (seconds or an HTTP-date); a 5xx, a dropped connection or a timeout
/// waits <see cref="FreshdeskSettings.RetryDelay"/>, doubled per retry up to 60 s; after
/// <see cref="FreshdeskSettings.MaxRetries"/> retries the request fails. One instance per cycle.
/// </summary>
public sealed class FreshdeskClient(HttpClient http, FreshdeskSettings settings, FreshdeskDelays delays)
{
    private bool _sentBefore;

    /// <summary>The first page of tickets updated at or after <paramref name="since"/>, oldest change first.</summary>
    public Uri FirstTicketPage(DateTimeOffset since) => new(settings.BaseAddress,
        "api/v2/tickets?updated_since=" + Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
        + "&include=requester,description&order_by=updated_at&order_type=asc&per_page=100&page=1");

    public async Task<(List<FreshdeskTicket> Tickets, Uri? Next)> TicketPageAsync(Uri page, CancellationToken cancellationToken)
    {
        var (body, next) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, page), cancellationToken);
        return (JsonSerializer.Deserialize(body, FreshdeskJsonContext.Default.ListFreshdeskTicket) ?? [], next);
    }

    /// <summary>Every conversation of the ticket, all pages, oldest first as Freshdesk lists them.</summary>
    public async Task<List<FreshdeskConversation>> ConversationsAsync(long ticketId, CancellationToken cancellationToken)
    {
        var all = new List<FreshdeskConversation>();
        Uri? page = new(settings.BaseAddress, string.Create(CultureInfo.InvariantCulture, $"api/v2/tickets/{ticketId}/conversations?per_page=100&page=1"));
        while (page is not null)
        {
            var url = page;
            var (body, next) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
            all.AddRange(JsonSerializer.Deserialize(body, FreshdeskJsonContext.Default.ListFreshdeskConversation) ?? []);
            page = next;
        }
        return all;
    }

    /// <summary>POST /api/v2/tickets/{id}/reply: the conversation Freshdesk made of it.</summary>
    public async Task<FreshdeskConversation> ReplyAsync(long ticketId, string htmlBody, CancellationToken cancellationToken)
    {
        var url = new Uri(settings.BaseAddress, string.Create(CultureInfo.InvariantCulture, $"api/v2/tickets/{ticketId}/reply"));
        var json = JsonSerializer.Serialize(new FreshdeskReplyRequest(htmlBody), FreshdeskJsonContext.Default.FreshdeskReplyRequest);
        // Not repeated after a failure that may have followed its arrival: the caller checks the conversations first.
        var (body, _) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        }, cancellationToken, repeatable: false);
        return JsonSerializer.Deserialize(body, FreshdeskJsonContext.Default.FreshdeskConversation)
            ?? throw new FreshdeskException($"Freshdesk answered POST {url.AbsolutePath} with no conversation.");
    }

    /// <summary>The body (read whole inside the retry, so a connection dropped mid-page is retried too) and the next page's link.</summary>
    /// <param name="repeatable">False for a POST: only a 429 (which Freshdesk did not act on) is retried.</param>
    private async Task<(string Body, Uri? Next)> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken, bool repeatable = true)
    {
        var failures = 0;
        for (var retry = 0; ; retry++)
        {
            if (_sentBefore)
            {
                await delays.WaitAsync(settings.RateLimitDelay, cancellationToken);
            }
            _sentBefore = true;
            using var message = request();
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.ApiKey + ":X")));
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var what = $"{message.Method} {message.RequestUri!.AbsolutePath}";
            string failure;
            TimeSpan? wait = null;
            try
            {
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken);
                    return (body, NextLink(response));
                }
                var status = (int)response.StatusCode;
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    throw new FreshdeskException(
                        $"Freshdesk refused the API key ({status} {response.ReasonPhrase}) for {what}: check FRESHDESK_API_KEY and the agent's permissions.");
                }
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    wait = RetryAfter(response);
                }
                else if (status < 500)
                {
                    throw new FreshdeskException($"Freshdesk answered {what} with {status} {response.ReasonPhrase}.", response.StatusCode);
                }
                failure = $"{status} {response.ReasonPhrase}";
            }
            catch (HttpRequestException exception)
            {
                failure = exception.HttpRequestError.ToString();
            }
            catch (IOException exception)
            {
                failure = exception.GetType().Name;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timeout";
            }
            if (wait is null && !repeatable)
            {
                throw new FreshdeskException($"Freshdesk did not confirm {what} ({failure}); whether it arrived is checked before it is sent again.");
            }
            if (retry >= settings.MaxRetries)
            {
                throw new FreshdeskException($"Freshdesk did not answer {what} after {settings.MaxRetries} retries (last: {failure}).");
            }
            if (wait is null)
            {
                wait = Backoff(failures);
                failures++;
            }
            await delays.WaitAsync(wait.Value, cancellationToken);
        }
    }

    /// <summary>retry_delay, 2 x, 4 x ... capped at 60 s.</summary>
    private TimeSpan Backoff(int failures)
    {
        var seconds = settings.RetryDelay.TotalSeconds * Math.Pow(2, Math.Min(failures, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, FreshdeskSettings.MaxRetryDelay.TotalSeconds));
    }

    /// <summary>RFC 9110 section 10.2.3: delay-seconds or an HTTP-date; missing or unreadable, the backoff's first step.</summary>
    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }
        if (retryAfter?.Date is { } date)
        {
            var wait = date - delays.Clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return settings.RetryDelay;
    }

    /// <summary>
    /// The <c>rel="next"</c> target of the Link header (RFC 8288), only on Freshdesk's own origin: the key goes with
    /// every request, so a link elsewhere is not followed.
    /// </summary>
    private Uri? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }
        foreach (var part in values.SelectMany(v => v.Split(',')))
        {
            var pieces = part.Split(';');
            var target = pieces[0].Trim();
            var isNext = pieces.Skip(1).Any(p => p.Trim().Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next");
            if (isNext && target.StartsWith('<') && target.EndsWith('>')
                && Uri.TryCreate(settings.BaseAddress, target[1..^1], out var next)
                && Uri.Compare(next, settings.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return next;
            }
        }
        return null;
    }
}

/// <summary>A request Freshdesk refused or never answered; the message names the request, never the key.</summary>
public sealed class FreshdeskException(string message, HttpStatusCode? status = null) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;
}
