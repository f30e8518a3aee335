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
public sealed partial class RoleMatrixTests
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
