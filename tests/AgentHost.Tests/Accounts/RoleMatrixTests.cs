using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AgentHost.Tests.Support;
using AgentTickets.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;

namespace AgentHost.Tests.Accounts;

/// <summary>
/// The role matrix (docs/accounts.md, "Who may do what" and "Visibility"): every route of both hosts, read from their
/// <see cref="EndpointDataSource"/> so a new route fails here until it has a row, asked by nobody (required mode), by a
/// requester about their own ticket and about someone else's, by an agent and by an admin, each signed in through
/// Identity's real login. Each cell runs on fresh tickets and a fresh article, so a delete in one cell cannot decide
/// another. The "too narrow a key scope" column belongs to the API keys' tests.
/// </summary>
public sealed class RoleMatrixTests
{
    private enum Who
    {
        Anonymous,
        RequesterOwn,
        RequesterOther,
        Agent,
        Admin,
    }

    /// <summary>What a cell must answer: an exact status, any success, or anything but a refusal of access.</summary>
    private sealed record Expect(string Text, Func<int, bool> Test)
    {
        public static Expect Is(params int[] statuses) => new(string.Join("|", statuses), statuses.Contains);

        public static readonly Expect Success = new("2xx", status => status is >= 200 and < 300);

        /// <summary>Let through to the handler, whatever it then says (a missing draft, an unknown MCP session): never 401 or 403.</summary>
        public static readonly Expect Admitted = new("not 401/403", status => status is not (401 or 403));
    }

    /// <param name="Methods">The methods of the route this row covers.</param>
    /// <param name="Request">Builds the cell's request from the path with <c>{id}</c> filled in.</param>
    private sealed record Row(string[] Methods, string Pattern, Func<string, string, HttpRequestMessage> Request,
        Expect Anonymous, Expect Own, Expect Other, Expect Agent, Expect Admin)
    {
        public Expect For(Who who) => who switch
        {
            Who.Anonymous => Anonymous,
            Who.RequesterOwn => Own,
            Who.RequesterOther => Other,
            Who.Agent => Agent,
            _ => Admin,
        };
    }

    private const int Unauthorized = 401;
    private const int Forbidden = 403;
    private const int NotFound = 404;

    private static readonly Expect Ok = Expect.Success;
    private static readonly Expect In = Expect.Admitted;
    private static readonly Expect No = Expect.Is(Unauthorized);
    private static readonly Expect Refused = Expect.Is(Forbidden);
    private static readonly Expect Hidden = Expect.Is(NotFound);

    private static HttpRequestMessage Send(string method, string path, string? json = null, string? accept = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        return request;
    }

    private static Func<string, string, HttpRequestMessage> Body(string json) => (method, path) => Send(method, path, json);

    private static readonly Func<string, string, HttpRequestMessage> Plain = (method, path) => Send(method, path);

    /// <summary>A desk page (its route has no method and no leading slash), asked for JSON.</summary>
    private static readonly Func<string, string, HttpRequestMessage> Page = (_, path) => Send("GET", "/" + path, accept: "application/json");

    private static int _unique;

    private static string Unique() => Interlocked.Increment(ref _unique).ToString(CultureInfo.InvariantCulture);

    private const string McpInitialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"matrix","version":"1"}}}""";

    private static readonly Row[] Table =
    [
        // Open to everyone.
        new(["GET", "HEAD"], "/health", Plain, Ok, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/register", (m, p) => Send(m, p, $$"""{"email":"new{{Unique()}}@example.com","password":"{{TestAccounts.Password}}"}"""), Ok, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/login", Body($$"""{"email":"dana@example.com","password":"{{TestAccounts.Password}}"}"""), Ok, Ok, Ok, Ok, Ok),
        // Identity answers a bad refresh token or confirmation link itself, for everyone alike.
        new(["POST"], "/api/account/refresh", Body("""{"refreshToken":"not-a-token"}"""), No, No, No, No, No),
        new(["GET"], "/api/account/confirmEmail", (m, p) => Send(m, p + "?userId=nobody&code=bad"), No, No, No, No, No),
        new(["POST"], "/api/account/resendConfirmationEmail", Body("""{"email":"nobody@example.com"}"""), Ok, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/forgotPassword", Body("""{"email":"nobody@example.com"}"""), Ok, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/resetPassword", Body("""{"email":"nobody@example.com","resetCode":"bad","newPassword":"Another-9-password"}"""), Expect.Is(400), Expect.Is(400), Expect.Is(400), Expect.Is(400), Expect.Is(400)),

        // Anyone signed in.
        new(["GET"], "/api/account/manage/info", Plain, No, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/manage/info", Body("{}"), No, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/manage/2fa", Body("{}"), No, Ok, Ok, Ok, Ok),
        new(["GET", "HEAD"], "/openapi/{documentName}.json", (m, _) => Send(m, "/openapi/v1.json"), No, Ok, Ok, Ok, Ok),
        new(["GET"], "/chat/", (m, p) => Send(m, p + "?message=hello"), No, Ok, Ok, Ok, Ok),
        new(["HEAD"], "/chat", (m, p) => Send(m, p + "?message=hello"), No, Ok, Ok, Ok, Ok),
        new(["POST"], "/chat/", Body("""{"message":"hello"}"""), No, Ok, Ok, Ok, Ok),
        new(["GET", "HEAD"], "/chat/sessions/{id}", (m, _) => Send(m, $"/chat/sessions/{Guid.NewGuid():N}"), No, Hidden, Hidden, Hidden, Hidden),
        new(["POST"], "/mcp/", (m, p) => Send(m, p, McpInitialize, "application/json, text/event-stream"), No, Ok, Ok, Ok, Ok),
        new(["GET"], "/mcp/", (m, p) => Send(m, p, accept: "text/event-stream"), No, In, In, In, In),
        new(["DELETE"], "/mcp/", Plain, No, In, In, In, In),

        new(["GET"], "/api/account/me", Plain, No, Ok, Ok, Ok, Ok),
        // The MCP resource metadata (RFC 9728) and the emailed rating link, whose signed token is its own credential.
        new(["GET"], "/.well-known/oauth-protected-resource", Plain, Ok, Ok, Ok, Ok, Ok),
        new(["GET"], "/.well-known/oauth-protected-resource/mcp", Plain, Ok, Ok, Ok, Ok, Ok),
        new(["GET"], "/rate/{token}", (m, _) => Send(m, "/rate/not-a-token"), In, In, In, In, In),
        new(["POST"], "/rate/{token}", (m, _) => Send(m, "/rate/not-a-token"), In, In, In, In, In),
        // Live events: everyone signed in, each seeing only what they may (EventStreamTests).
        new(["GET"], "/api/events", Plain, No, Ok, Ok, Ok, Ok),
        // API keys: everyone signed in manages their own ({id} here is no key of theirs).
        new(["POST"], "/api/keys/", Body("""{"name":"matrix","scopes":["read"]}"""), No, Ok, Ok, Ok, Ok),
        new(["GET", "HEAD"], "/api/keys/", Plain, No, Ok, Ok, Ok, Ok),
        new(["DELETE"], "/api/keys/{id}/", Plain, No, In, In, In, In),
        // People and roles: admins only ({id} here is no person).
        new(["GET", "HEAD"], "/api/users/", Plain, No, Refused, Refused, Refused, Ok),
        new(["POST"], "/api/users/", (m, p) => Send(m, p, $$"""{"email":"made{{Unique()}}@example.com","role":"agent"}"""), No, Refused, Refused, Refused, Ok),
        new(["GET", "HEAD"], "/api/users/{id}/", Plain, No, Refused, Refused, Refused, In),
        new(["PUT"], "/api/users/{id}/role", Body("""{"role":"agent"}"""), No, Refused, Refused, Refused, In),
        new(["DELETE"], "/api/users/{id}/", Plain, No, Refused, Refused, Refused, In),
        // The audit trail: a ticket's history for staff, the whole log for admins.
        new(["GET", "HEAD"], "/api/tickets/{id}/history/", Plain, No, Refused, Refused, Ok, Ok),
        new(["GET", "HEAD"], "/api/audit/", Plain, No, Refused, Refused, Refused, Ok),
        // Assignment is the staff's; rating is the requester's own, and only once the ticket is resolved (409 here).
        new(["PUT"], "/api/tickets/{id}/assignee/", Body("""{"assignee":"me"}"""), No, Refused, Refused, Ok, Ok),
        new(["POST"], "/api/tickets/{id}/rating/", Body("""{"score":5}"""), No, Expect.Is(409), Hidden, Refused, Refused),
        new(["GET", "HEAD"], "/api/ratings/summary", Plain, No, Refused, Refused, Ok, Ok),
        // Analytics: the figures are the staff's; recounting them is an admin's.
        new(["GET", "HEAD"], "/api/analytics/", Plain, No, Refused, Refused, Ok, Ok),
        new(["POST"], "/api/analytics/rebuild", Plain, No, Refused, Refused, Refused, Ok),

        // Tickets: a requester's own only; someone else's is missing to them; changes are the staff's.
        new(["GET", "HEAD"], "/api/tickets/", Plain, No, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/tickets/", Body("""{"title":"Matrix ticket"}"""), No, Ok, Ok, Ok, Ok),
        new(["GET", "HEAD"], "/api/tickets/{id}/", Plain, No, Ok, Hidden, Ok, Ok),
        new(["PUT"], "/api/tickets/{id}/", Body("""{"title":"Renamed","description":"","resolution_status":"OPEN"}"""), No, Refused, Refused, Ok, Ok),
        new(["PATCH"], "/api/tickets/{id}/", Body("""{"title":"Renamed"}"""), No, Refused, Refused, Ok, Ok),
        new(["DELETE"], "/api/tickets/{id}/", Plain, No, Refused, Refused, Ok, Ok),
        new(["POST"], "/api/tickets/{id}/triage/", Plain, No, Refused, Refused, Ok, Ok),
        new(["POST"], "/api/tickets/triage/", Plain, No, Refused, Refused, Ok, Ok),
        new(["GET", "HEAD"], "/api/tickets/{id}/messages/", Plain, No, Ok, Hidden, Ok, Ok),
        new(["POST"], "/api/tickets/{id}/messages/", Body("""{"kind":"customer","body":"Still broken."}"""), No, Ok, Hidden, Ok, Ok),

        // Drafts and mail: staff only, whoever's ticket it is.
        new(["GET", "HEAD"], "/api/tickets/{id}/draft", Plain, No, Refused, Refused, In, In),
        new(["POST"], "/api/tickets/{id}/draft", Body("{}"), No, Refused, Refused, Ok, Ok),
        new(["PUT"], "/api/tickets/{id}/draft", Body("""{"reply":"Hello","tech_instructions":"Check the relay."}"""), No, Refused, Refused, In, In),
        new(["DELETE"], "/api/tickets/{id}/draft", Plain, No, Refused, Refused, In, In),
        new(["POST"], "/api/tickets/{id}/draft/send", Body("""{"resolve":false}"""), No, Refused, Refused, In, In),
        new(["GET", "HEAD"], "/api/tickets/{id}/drafts/", Plain, No, Refused, Refused, Ok, Ok),
        new(["GET", "HEAD"], "/api/outbox/", Plain, No, Refused, Refused, Ok, Ok),

        // The knowledge base: everyone signed in reads (a requester without internal notes); staff write.
        new(["GET", "HEAD"], "/api/articles/", Plain, No, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/articles/", (m, p) => Send(m, p, $$"""{"title":"Matrix article {{Unique()}}","category":"OTHER","body":"1. Restart."}"""), No, Refused, Refused, Ok, Ok),
        new(["GET", "HEAD"], "/api/articles/{id}/", Plain, No, Ok, Ok, Ok, Ok),
        new(["PATCH"], "/api/articles/{id}/", Body("""{"body":"1. Restart twice."}"""), No, Refused, Refused, Ok, Ok),
        new(["DELETE"], "/api/articles/{id}/", Plain, No, Refused, Refused, Ok, Ok),

        // The web desk's pages (docs/desk.md, "Pages and access"), asked as a program would (JSON), so a refusal is
        // the API's 401/403 rather than the browser's redirect to sign-in (DeskShellTests). "/" sends each to their start.
        new(["*"], "", Page, No, Expect.Is(302), Expect.Is(302), Expect.Is(302), Expect.Is(302)),
        new(["*"], "signin", Page, Ok, Ok, Ok, Ok, Ok),
        new(["*"], "register", Page, Ok, Ok, Ok, Ok, Ok),
        new(["*"], "signout", Page, Expect.Is(302), Expect.Is(302), Expect.Is(302), Expect.Is(302), Expect.Is(302)),
        new(["*"], "forbidden", Page, Refused, Refused, Refused, Refused, Refused),
        new(["*"], "help", Page, No, Ok, Ok, Ok, Ok),
        new(["*"], "my", Page, No, Ok, Ok, Ok, Ok),
        new(["*"], "my/{id:long}", Page, No, Ok, Hidden, Ok, Ok),
        new(["*"], "queue", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "tickets/{id:long}", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "kb", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "kb/{id:long}", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "kb/new", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "analytics", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "admin/users", Page, No, Refused, Refused, Refused, Ok),
        new(["*"], "admin/keys", Page, No, Refused, Refused, Refused, Ok),
    ];


    /// <summary>The matrix sends hundreds of writes as one admin; the limits have tests of their own (RateLimitTests).</summary>
    private static readonly TicketApi.Limits.RateLimitSettings Unlimited = new() { Enabled = false };

    [Fact]
    public async Task Every_route_of_the_agent_host_answers_each_role_as_the_matrix_says()
    {
        await using var factory = new AgentHostFactory
        {
            ConfigureServices = services =>
            {
                services.AddSingleton(new AccountSettings { Mode = AuthMode.Required });
                services.AddSingleton(Unlimited);
            },
        };
        await RunAsync(factory);
    }

    [Fact]
    public async Task Every_route_of_the_ticket_service_host_answers_each_role_as_the_matrix_says()
    {
        await using var factory = new TicketServiceHost();
        await RunAsync(factory);
    }

    private static async Task RunAsync<TEntry>(WebApplicationFactory<TEntry> factory) where TEntry : class
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
        var rows = Table.SelectMany(r => r.Methods.Select(m => (Key: $"{m} {r.Pattern}", Method: m, Row: r))).ToList();
        var missing = routes.Except(rows.Select(r => r.Key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Routes without a row in the role matrix: " + string.Join(", ", missing));
        // A redirect is an answer of its own here (the desk's "/"); followed, it would also drop the bearer token.
        factory.ClientOptions.AllowAutoRedirect = false;

        using var admin = await TestAccounts.SignInAsync(factory, "ada@example.com", "admin");
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var requester = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        using var anonymous = factory.CreateClient();

        var failures = new List<string>();
        foreach (var (key, method, row) in rows.Where(r => routes.Contains(r.Key)))
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var own = await FileAsync(admin, "dana@example.com");
                var others = await FileAsync(admin, "lee@example.com");
                var article = await ArticleAsync(admin);
                var id = IsArticleRoute(row.Pattern) ? article : who == Who.RequesterOwn ? own : others;
                var client = who switch
                {
                    Who.Anonymous => anonymous,
                    Who.RequesterOwn or Who.RequesterOther => requester,
                    Who.Agent => agent,
                    _ => admin,
                };
                var idText = id.ToString(CultureInfo.InvariantCulture);
                using var request = row.Request(method, row.Pattern.Replace("{id:long}", idText, StringComparison.Ordinal).Replace("{id}", idText, StringComparison.Ordinal));
                // Headers only: /api/events never ends, and its status is all a cell needs.
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                if (response.Content.Headers.ContentType?.MediaType != "text/event-stream")
                {
                    await response.Content.LoadIntoBufferAsync();
                }
                var expected = row.For(who);
                if (!expected.Test((int)response.StatusCode))
                {
                    failures.Add($"{key} as {who}: expected {expected.Text}, got {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Routes whose <c>{id}</c> names an article: the API's and the desk's article page.</summary>
    private static bool IsArticleRoute(string pattern) =>
        pattern.StartsWith("/api/articles/", StringComparison.Ordinal) || pattern.StartsWith("kb/", StringComparison.Ordinal);

    private static async Task<long> FileAsync(HttpClient admin, string requesterEmail)
    {
        using var response = await admin.PostAsJsonAsync("/api/tickets/", new { title = "Matrix " + Unique(), requester_email = requesterEmail });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    private static async Task<long> ArticleAsync(HttpClient admin)
    {
        using var response = await admin.PostAsJsonAsync("/api/articles/", new { title = "Matrix article " + Unique(), category = "OTHER", body = "1. Restart." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    /// <summary>The ticket service as its own host (TicketApi's Program), in required mode, on a fresh SQLite file.</summary>
    private sealed class TicketServiceHost : WebApplicationFactory<TicketApi.Tickets.TicketService>
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"role-matrix-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Tickets", $"Data Source={_path}");
            builder.UseSetting("TRIAGE_MODEL", "off");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(new AccountSettings { Mode = AuthMode.Required });
                services.AddSingleton(Unlimited);
                DraftStandIns.ReplaceUnavailable(services);
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_path + suffix);
            }
        }
    }
}
