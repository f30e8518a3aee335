using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using TicketApi.Contracts;
using TicketApi.Drafts;
using TicketApi.KnowledgeBase;
using TicketApi.Querying;
using TicketApi.Tickets;

namespace AgentHost.Tickets;

/// <summary>
/// <see cref="ITicketService"/> over the ticket service's REST contract, for <c>TICKET_API_URL</c>. Transient
/// failures are retried (see <see cref="TicketServiceResilience"/>); refusals come back as
/// <see cref="TicketProblem"/>s, not exceptions. The HTTP stack is the named client <see cref="HttpClientName"/>,
/// whose primary handler is a bounded <see cref="SocketsHttpHandler"/> (tests replace it through DI).
/// </summary>
public sealed class TicketApiClient : ITicketService
{
    public const string HttpClientName = "tickets";

    internal static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TicketServiceAddress _address;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly int _maxAttempts;

    public TicketApiClient(IHttpClientFactory httpClientFactory, TicketServiceAddress address,
        IOptions<TicketServiceOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClientFactory = httpClientFactory;
        _address = address;
        _pipeline = TicketServiceResilience.Build(options.Value, timeProvider);
        _maxAttempts = options.Value.MaxAttempts;
    }

    public Task<TicketApiResult<TicketPage>> ListAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var qs = TicketQueryParameters.ToQueryString(query);
        return SendAsync<TicketPage>(() => new HttpRequestMessage(HttpMethod.Get, "api/tickets/" + (qs.Length > 0 ? "?" + qs : "")),
            idempotent: true, cancellationToken);
    }

    /// <summary>A one-ticket page: its envelope's <c>count</c> is the answer.</summary>
    public async Task<TicketApiResult<long>> CountAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await ListAsync(query with { Page = 1, PageSize = 1, Ordering = TicketQuery.DefaultOrdering }, cancellationToken);
        return page.Value is { } value ? TicketApiResult.Success(value.Count) : TicketApiResult.Failure<long>(page.Problem!);
    }

    public Task<TicketApiResult<TicketDto>> GetAsync(long id, CancellationToken cancellationToken) =>
        SendAsync<TicketDto>(() => new HttpRequestMessage(HttpMethod.Get, ItemPath(id)), idempotent: true, cancellationToken);

    public Task<TicketApiResult<TicketDto>> CreateAsync(string title, string? description, CancellationToken cancellationToken) =>
        SendAsync<TicketDto>(() => new HttpRequestMessage(HttpMethod.Post, "api/tickets/")
        {
            Content = JsonContent.Create(new TicketCreateBody(title, description ?? ""), options: Json),
        }, idempotent: false, cancellationToken);

    public Task<TicketApiResult<TicketDto>> UpdateAsync(long id, string? title, string? description, CancellationToken cancellationToken) =>
        PatchAsync(id, new TicketPatch(title, description), cancellationToken);

    public Task<TicketApiResult<TicketDto>> CreateAsync(TicketChanges ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var body = new TicketCreateBody(ticket.Title ?? "", ticket.Description ?? "", ticket.Priority, ticket.Category,
            ticket.RequesterName, ticket.RequesterEmail);
        return SendAsync<TicketDto>(() => new HttpRequestMessage(HttpMethod.Post, "api/tickets/")
        {
            Content = JsonContent.Create(body, options: Json),
        }, idempotent: false, cancellationToken);
    }

    public Task<TicketApiResult<TicketDto>> UpdateAsync(long id, TicketChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return PatchAsync(id, new TicketPatch(changes.Title, changes.Description, changes.Status, changes.Priority,
            changes.Category, changes.RequesterName, changes.RequesterEmail), cancellationToken);
    }

    /// <summary>Triage runs again to the same end for the same text, so a retry is harmless.</summary>
    public Task<TicketApiResult<TicketDto>> TriageAsync(long id, CancellationToken cancellationToken) =>
        SendAsync<TicketDto>(() => new HttpRequestMessage(HttpMethod.Post, ItemPath(id) + "triage/"), idempotent: true, cancellationToken);

    public Task<TicketApiResult<TicketMessagePage>> ListMessagesAsync(long ticketId, int page, int pageSize, CancellationToken cancellationToken) =>
        SendAsync<TicketMessagePage>(() => new HttpRequestMessage(HttpMethod.Get, ItemPath(ticketId) + string.Create(
            CultureInfo.InvariantCulture, $"messages/?page={page}&page_size={pageSize}")), idempotent: true, cancellationToken);

    /// <summary>A POST that adds a message is not retried: a lost answer would otherwise post it twice.</summary>
    public Task<TicketApiResult<TicketMessageDto>> AddMessageAsync(long ticketId, NewTicketMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync<TicketMessageDto>(() => new HttpRequestMessage(HttpMethod.Post, ItemPath(ticketId) + "messages/")
        {
            Content = JsonContent.Create(new MessageCreateBody(message.Kind, message.Body, message.Author), options: Json),
        }, idempotent: false, cancellationToken);
    }

    public Task<TicketApiResult<TicketDto>> SetStatusAsync(long id, TicketStatus status, CancellationToken cancellationToken) =>
        PatchAsync(id, new TicketPatch(ResolutionStatus: status), cancellationToken);

    /// <summary>PUT of the assignee; the same assignment again lands in the same state, so it is retried.</summary>
    public Task<TicketApiResult<TicketDto>> AssignAsync(long id, string? assignee, CancellationToken cancellationToken) =>
        SendAsync<TicketDto>(() => new HttpRequestMessage(HttpMethod.Put, ItemPath(id) + "assignee/")
        {
            // Written by hand: the client's options leave nulls out, and a null here is what unassigns.
            Content = JsonContent.Create(new System.Text.Json.Nodes.JsonObject { ["assignee"] = assignee }),
        }, idempotent: true, cancellationToken);

    /// <summary>PATCH: only the non-null fields are sent. Repeating it lands in the same state, so it is retried.</summary>
    private Task<TicketApiResult<TicketDto>> PatchAsync(long id, TicketPatch patch, CancellationToken cancellationToken) =>
        SendAsync<TicketDto>(() => new HttpRequestMessage(HttpMethod.Patch, ItemPath(id))
        {
            Content = JsonContent.Create(patch, options: Json),
        }, idempotent: true, cancellationToken);

    /// <summary>DELETE, guarded by <paramref name="ifMatch"/> (an ETag from a GET) when given.</summary>
    public Task<TicketApiResult<bool>> DeleteAsync(long id, string? ifMatch, CancellationToken cancellationToken) =>
        SendAsync<bool>(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, ItemPath(id));
            if (ifMatch is not null && EntityTagHeaderValue.TryParse(ifMatch, out var tag))
            {
                request.Headers.IfMatch.Add(tag);
            }

            return request;
        }, idempotent: true, cancellationToken);

    public Task<TicketApiResult<ArticlePage>> SearchArticlesAsync(string text, string? category, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var query = $"?search={Uri.EscapeDataString(text.Trim())}&page_size={Math.Clamp(limit, 1, ArticleQuery.MaxPageSize).ToString(CultureInfo.InvariantCulture)}" +
                    (category is null ? "" : $"&category={Uri.EscapeDataString(category)}");
        return SendAsync<ArticlePage>(() => new HttpRequestMessage(HttpMethod.Get, "api/articles/" + query), idempotent: true, cancellationToken);
    }

    public Task<TicketApiResult<ArticleDto>> GetArticleAsync(long id, CancellationToken cancellationToken) =>
        SendAsync<ArticleDto>(() => new HttpRequestMessage(HttpMethod.Get, $"api/articles/{id.ToString(CultureInfo.InvariantCulture)}/"),
            idempotent: true, cancellationToken);

    public Task<TicketApiResult<DraftDto>> GetDraftAsync(long id, CancellationToken cancellationToken) =>
        SendAsync<DraftDto>(() => new HttpRequestMessage(HttpMethod.Get, ItemPath(id) + "draft"), idempotent: true, cancellationToken);

    /// <summary>Not retried: each try would write another version (and ask the writer again).</summary>
    public Task<TicketApiResult<DraftDto>> DraftReplyAsync(long id, string? instruction, CancellationToken cancellationToken) =>
        SendAsync<DraftDto>(() => new HttpRequestMessage(HttpMethod.Post, ItemPath(id) + "draft")
        {
            Content = JsonContent.Create(new DraftWriteBody(instruction), options: Json),
        }, idempotent: false, cancellationToken);

    /// <summary>Not retried: a lost answer to a send that went through must not send again (the retry would be a 409 anyway).</summary>
    public Task<TicketApiResult<TicketMessageDto>> SendDraftAsync(long id, bool resolve, CancellationToken cancellationToken) =>
        SendAsync<TicketMessageDto>(() => new HttpRequestMessage(HttpMethod.Post, ItemPath(id) + "draft/send")
        {
            Content = JsonContent.Create(new DraftSendBody(resolve), options: Json),
        }, idempotent: false, cancellationToken);

    private static string ItemPath(long id) => $"api/tickets/{id.ToString(CultureInfo.InvariantCulture)}/";

    private async Task<TicketApiResult<T>> SendAsync<T>(Func<HttpRequestMessage> createRequest, bool idempotent,
        CancellationToken cancellationToken)
    {
        var http = _httpClientFactory.CreateClient(HttpClientName);
        http.BaseAddress ??= _address.BaseAddress;

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TicketServiceResilience.Idempotent, idempotent);
        try
        {
            using var response = await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    // A fresh message per try: HttpClient refuses to send one twice.
                    using var request = state.createRequest();
                    return await state.http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken);
                },
                context, (http, createRequest));

            if (!response.IsSuccessStatusCode)
            {
                return TicketApiResult.Failure<T>(await TicketProblem.FromResponseAsync(response, cancellationToken));
            }

            var etag = response.Headers.ETag?.ToString();
            if (typeof(T) == typeof(bool))
            {
                return TicketApiResult.Success((T)(object)true, etag);
            }

            var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
            return value is null
                ? TicketApiResult.Failure<T>(new TicketProblem(502, "The ticket service sent an empty answer."))
                : TicketApiResult.Success(value, etag);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or JsonException
                                   && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is TimeoutRejectedException ? "it did not answer in time" : ex.Message;
            return TicketApiResult.Failure<T>(new TicketProblem((int)HttpStatusCode.ServiceUnavailable,
                $"The ticket service could not be reached after up to {_maxAttempts} tries ({reason}). Try again shortly."));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed record TicketCreateBody(string Title, string Description, string? Priority = null, string? Category = null,
        string? RequesterName = null, string? RequesterEmail = null);

    private sealed record MessageCreateBody(string Kind, string Body, string? Author);

    private sealed record DraftWriteBody(string? Instruction);

    private sealed record DraftSendBody(bool Resolve);
}

/// <summary>The fields a PATCH may change; null fields are left out of the body.</summary>
internal sealed record TicketPatch(
    string? Title = null,
    string? Description = null,
    [property: JsonPropertyName("resolution_status")] TicketStatus? ResolutionStatus = null,
    string? Priority = null,
    string? Category = null,
    string? RequesterName = null,
    string? RequesterEmail = null);
