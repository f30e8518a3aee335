using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using AgentHost.Tests.Accounts;
using AgentHost.Tests.Support;
using AgentHost.Tickets;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using TicketApi.Accounts;
using TicketApi.Ai;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// <c>/mcp</c> in required mode (docs/mcp.md, "Authorization"): the 401 the MCP authorization spec (2025-06-18) asks
/// for, its RFC 9728 metadata document, and tool calls acting as the key's owner through channel mcp.
/// </summary>
public sealed class McpAuthorizationTests
{
    private static StringContent ToolsList() =>
        new(RawMcpHttp.ToolsListBody, Encoding.UTF8, "application/json");

    private static HttpRequestMessage McpPost()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative)) { Content = ToolsList() };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        return request;
    }

    [Fact]
    public async Task Without_credentials_mcp_answers_401_with_a_bearer_challenge_naming_the_resource_metadata()
    {
        using var factory = AgentHostScopeMatrixTests.Required();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(McpPost());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer resource_metadata=\"http://localhost/.well-known/oauth-protected-resource\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_refused_key_on_mcp_is_a_401_with_invalid_token_and_the_resource_metadata()
    {
        using var factory = AgentHostScopeMatrixTests.Required();
        using var client = TestApiKeys.WithKey(factory.CreateClient(), "at_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        using var response = await client.SendAsync(McpPost());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer resource_metadata=\"http://localhost/.well-known/oauth-protected-resource\", error=\"invalid_token\"",
            response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource", "http://localhost")]
    [InlineData("/.well-known/oauth-protected-resource/mcp", "http://localhost/mcp")]
    public async Task The_resource_metadata_is_served_without_credentials_and_names_the_resource_and_header_bearer_tokens(string path, string resource)
    {
        using var factory = AgentHostScopeMatrixTests.Required();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(resource, (string)document["resource"]!);
        Assert.Equal(["header"], document["bearer_methods_supported"]!.AsArray().Select(m => (string)m!));
    }

    [Theory]
    [InlineData("2025-06-18")] // a session: the server outlives the request that opened it
    [InlineData(null)] // 2026-07-28: a server per request
    public async Task Tool_calls_over_http_act_as_the_key_s_owner_through_channel_mcp_with_the_tool_s_name(string? protocolVersion)
    {
        ActingRecorder? recorded = null;
        using var factory = new AgentHostFactory
        {
            Settings = ChatProviderSettings.Offline,
            Environment = { ["AUTH_MODE"] = "required" },
            ConfigureServices = services => services.AddSingleton(sp =>
            {
                var (service, recorder) = ActingRecorder.Wrap(sp.GetRequiredService<InProcessTicketService>());
                recorded = recorder;
                return service;
            }),
        }.Started();
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var (keyId, key) = await TestApiKeys.IssueAsync(agent, "write");
        await using var client = await ConnectAsync(factory, key, protocolVersion);

        var result = await client.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = "VPN drops every hour" });

        Assert.NotEqual(true, result.IsError);
        var acting = Assert.Single(recorded!.Acting, a => a.Tool == "create_ticket");
        Assert.Equal("mcp", acting.Channel);
        Assert.Equal("sam@example.com", acting.Actor.Email);
        Assert.Equal(ActorRole.Agent, acting.Actor.Role);
        Assert.Equal(keyId.ToString(System.Globalization.CultureInfo.InvariantCulture), acting.Actor.KeyId);
    }

    [Fact]
    public async Task A_read_key_over_mcp_reads_but_a_write_tool_answers_with_an_error_result_and_writes_nothing()
    {
        ActingRecorder? recorded = null;
        using var factory = new AgentHostFactory
        {
            Settings = ChatProviderSettings.Offline,
            Environment = { ["AUTH_MODE"] = "required" },
            ConfigureServices = services => services.AddSingleton(sp =>
            {
                var (service, recorder) = ActingRecorder.Wrap(sp.GetRequiredService<InProcessTicketService>());
                recorded = recorder;
                return service;
            }),
        }.Started();
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var (_, key) = await TestApiKeys.IssueAsync(agent, "read");
        await using var client = await ConnectAsync(factory, key, "2025-06-18");

        var listed = await client.CallToolAsync("list_tickets", new Dictionary<string, object?>());
        var refused = await client.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = "VPN drops every hour" });

        Assert.NotEqual(true, listed.IsError);
        Assert.True(refused.IsError);
        Assert.Contains("may only read", ((TextContentBlock)refused.Content.Single()).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(recorded!.Acting, a => a.Tool == "create_ticket");
        Assert.Contains(recorded.Acting, a => a.Tool == "list_tickets" && a.Actor.Scope == AccessScope.Read);
    }

    private static async Task<McpClient> ConnectAsync(AgentHostFactory factory, string key, string? protocolVersion)
    {
        var http = factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, HttpConnect.ClientOptions(protocolVersion));
    }

    /// <summary>Who each ticket-service call was made as: the acting context the ticket service (and its audit) sees.</summary>
    public class ActingRecorder : DispatchProxy
    {
        private readonly List<Acting> _acting = [];

        public ITicketService Inner { get; set; } = null!;

        public IReadOnlyList<Acting> Acting
        {
            get
            {
                lock (_acting)
                {
                    return [.. _acting];
                }
            }
        }

        public static (ITicketService Service, ActingRecorder Recorder) Wrap(ITicketService inner)
        {
            var service = Create<ITicketService, ActingRecorder>();
            var recorder = (ActingRecorder)(object)service;
            recorder.Inner = inner;
            return (service, recorder);
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            lock (_acting)
            {
                _acting.Add(ActingContext.Current);
            }
            return targetMethod!.Invoke(Inner, args);
        }
    }
}
