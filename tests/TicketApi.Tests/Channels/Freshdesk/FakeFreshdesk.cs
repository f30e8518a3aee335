using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TicketApi.Tests.Channels.Freshdesk;

/// <summary>
/// A local Freshdesk on real Kestrel (127.0.0.1, a free port) that answers the v2 requests the connector makes as
/// Freshdesk documents them (https://developers.freshdesk.com/api/): basic auth with the API key as user,
/// <c>GET /api/v2/tickets</c> with updated_since (inclusive), include=requester,description, order_by/order_type,
/// per_page (max 100) and page, the next page in <c>link: &lt;...&gt;; rel="next"</c>; conversations paged the same
/// way; <c>POST /api/v2/tickets/{id}/reply</c> answering 201 with the conversation. It records every request and
/// can answer any request with a fault (<see cref="Faults"/>): 429 with Retry-After, 500, or a connection dropped
/// halfway through the body.
/// </summary>
public sealed class FakeFreshdesk : IAsyncDisposable
{
    public const string ApiKey = "fd-test-key-7Qx";
    public static readonly DateTimeOffset Epoch = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private long _nextConversationId = 10_000;
    private int _requestCount;

    private FakeFreshdesk(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    public List<FakeTicket> Tickets { get; } = [];

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Given the request's number (1-based) and the request, the fault to answer with, or null to answer normally.</summary>
    public Func<int, HttpRequest, Fault?> Faults { get; set; } = (_, _) => null;

    public static async Task<FakeFreshdesk> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeFreshdesk(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Address = new Uri(app.Urls.First() + "/");
        return fake;
    }

    public FakeTicket AddTicket(int n, int conversations = 2)
    {
        lock (_gate)
        {
            var ticket = new FakeTicket
            {
                Id = n,
                Subject = $"Freshdesk subject {n}",
                DescriptionText = $"Description of Freshdesk ticket {n}: the printer on floor {n % 7} jams.",
                RequesterId = 5000 + n,
                RequesterName = $"Requester {n}",
                RequesterEmail = $"requester{n}@example.com",
                CreatedAt = Epoch.AddSeconds(n),
                UpdatedAt = Epoch.AddSeconds(n),
            };
            for (var i = 0; i < conversations; i++)
            {
                ticket.Conversations.Add(NewConversation(ticket, $"Conversation {i} of ticket {n}", incoming: i % 2 == 0, isPrivate: false, ticket.UpdatedAt));
            }
            Tickets.Add(ticket);
            return ticket;
        }
    }

    /// <summary>A conversation added in Freshdesk; the ticket's updated_at moves to <paramref name="at"/>.</summary>
    public FakeConversation AddConversation(FakeTicket ticket, string text, bool incoming, bool isPrivate, DateTimeOffset at)
    {
        lock (_gate)
        {
            var conversation = NewConversation(ticket, text, incoming, isPrivate, at);
            ticket.Conversations.Add(conversation);
            ticket.UpdatedAt = at;
            return conversation;
        }
    }

    private FakeConversation NewConversation(FakeTicket ticket, string text, bool incoming, bool isPrivate, DateTimeOffset at) => new()
    {
        Id = ++_nextConversationId,
        Body = "<div>" + text + "</div>",
        BodyText = text,
        Incoming = incoming,
        Private = isPrivate,
        UserId = incoming ? ticket.RequesterId : 77,
        CreatedAt = at,
    };

    public int CountRequests(string startsWith) => Requests.Count(r => r.StartsWith(startsWith, StringComparison.Ordinal));

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var line = $"{request.Method} {request.Path}{request.QueryString}";
        Requests.Enqueue(line);
        var number = Interlocked.Increment(ref _requestCount);
        if (request.Headers.Authorization.ToString() != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey + ":X")))
        {
            await Json(context, 401, new JsonObject { ["code"] = "invalid_credentials", ["message"] = "You have to be logged in to perform this action." });
            return;
        }
        var fault = Faults(number, request);
        if (fault is { Status: 429 })
        {
            context.Response.Headers.RetryAfter = fault.RetryAfter;
            await Json(context, 429, new JsonObject { ["message"] = "You have exceeded the limit of requests per minute" });
            return;
        }
        if (fault is { Status: 200 })
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body>Gateway says hello</body></html>");
            return;
        }
        if (fault is { Status: 500 })
        {
            await Json(context, 500, new JsonObject { ["message"] = "Internal server error" });
            return;
        }
        var segments = request.Path.Value!.Trim('/').Split('/');
        var (status, body, next) = segments switch
        {
            ["api", "v2", "tickets"] when HttpMethods.IsGet(request.Method) => ListTickets(request),
            ["api", "v2", "tickets", var id, "conversations"] when HttpMethods.IsGet(request.Method) => ListConversations(request, id),
            ["api", "v2", "tickets", var id, "reply"] when HttpMethods.IsPost(request.Method) => await ReplyAsync(request, id),
            _ => (404, (JsonNode)new JsonObject { ["message"] = "not found" }, (string?)null),
        };
        if (next is not null)
        {
            context.Response.Headers.Append("link", $"<{next}>; rel=\"next\"");
        }
        if (fault is { Drop: true })
        {
            // Headers and half the body, then the connection goes: a server failing mid-page.
            var text = body.ToJsonString();
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(text[..(text.Length / 2)]);
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }
        await Json(context, status, body);
    }

    private (int, JsonNode, string?) ListTickets(HttpRequest request)
    {
        var query = request.Query;
        if (query["order_by"] is { Count: > 0 } orderBy && orderBy != "updated_at" || query["order_type"] is { Count: > 0 } orderType && orderType != "asc")
        {
            return (400, new JsonObject { ["description"] = "this fake lists by updated_at asc only" }, null);
        }
        var since = query["updated_since"] is { Count: > 0 } text
            ? DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : DateTimeOffset.MinValue;
        var include = query["include"].ToString().Split(',');
        List<FakeTicket> matching;
        lock (_gate)
        {
            matching = [.. Tickets.Where(t => t.UpdatedAt >= since).OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id)];
        }
        return Page(request, matching, t => t.ToJson(include.Contains("requester"), include.Contains("description")));
    }

    private (int, JsonNode, string?) ListConversations(HttpRequest request, string id)
    {
        List<FakeConversation> conversations;
        lock (_gate)
        {
            if (Tickets.FirstOrDefault(t => t.Id.ToString(CultureInfo.InvariantCulture) == id) is not { } ticket)
            {
                return (404, new JsonObject { ["message"] = "not found" }, null);
            }
            conversations = [.. ticket.Conversations];
        }
        return Page(request, conversations, c => c.ToJson());
    }

    private static (int, JsonNode, string?) Page<T>(HttpRequest request, List<T> items, Func<T, JsonNode> json)
    {
        var perPage = request.Query["per_page"] is { Count: > 0 } p ? int.Parse(p!, CultureInfo.InvariantCulture) : 30;
        var page = request.Query["page"] is { Count: > 0 } n ? int.Parse(n!, CultureInfo.InvariantCulture) : 1;
        if (perPage is < 1 or > 100)
        {
            return (400, new JsonObject { ["description"] = "Validation failed", ["errors"] = new JsonArray(new JsonObject { ["field"] = "per_page", ["message"] = "It should be a Positive Integer less than or equal to 100" }) }, null);
        }
        var slice = items.Skip((page - 1) * perPage).Take(perPage).Select(json).ToArray();
        string? next = null;
        if (items.Count > page * perPage)
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.QueryString.Value ?? "");
            query["page"] = (page + 1).ToString(CultureInfo.InvariantCulture);
            next = $"{request.Scheme}://{request.Host}{request.Path}?{query}";
        }
        return (200, new JsonArray(slice), next);
    }

    private async Task<(int, JsonNode, string?)> ReplyAsync(HttpRequest request, string id)
    {
        var body = (await JsonNode.ParseAsync(request.Body))?["body"]?.GetValue<string>();
        lock (_gate)
        {
            if (Tickets.FirstOrDefault(t => t.Id.ToString(CultureInfo.InvariantCulture) == id) is not { } ticket)
            {
                return (404, new JsonObject { ["message"] = "not found" }, null);
            }
            if (string.IsNullOrWhiteSpace(body))
            {
                return (400, new JsonObject { ["description"] = "Validation failed" }, null);
            }
            var at = ticket.UpdatedAt.AddSeconds(30);
            var conversation = new FakeConversation
            {
                Id = ++_nextConversationId, Body = body, BodyText = body, Incoming = false, Private = false, UserId = 77, CreatedAt = at,
            };
            ticket.Conversations.Add(conversation);
            ticket.UpdatedAt = at;
            return (201, conversation.ToJson(), null);
        }
    }

    private static async Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>How the fake answers one request instead of normally.</summary>
public sealed record Fault(int Status = 0, string? RetryAfter = null, bool Drop = false)
{
    public static Fault TooMany(string retryAfter) => new(429, retryAfter);
    public static Fault ServerError { get; } = new(500);
    public static Fault DroppedMidBody { get; } = new(Drop: true);
    public static Fault NotJson { get; } = new(200);
}
