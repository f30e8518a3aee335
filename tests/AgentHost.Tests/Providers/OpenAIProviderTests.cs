using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentHost.Tests.Support;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Ai;
using static AgentTickets.Testing.FakeOpenAIServer;

namespace AgentHost.Tests.Providers;

/// <summary>
/// The three SDK modes against a local OpenAI-compatible fake: what the real OpenAI SDK sends (path, query,
/// headers, body) and how streamed text and tool-call deltas come back through the loop and the SSE endpoint.
/// </summary>
public class OpenAIProviderTests
{
    private const string Ticket12 =
        """{"id":12,"title":"Printer jams","description":"Floor 3","created":"2025-01-08T14:15:22.123456Z","updated":"2025-01-08T14:15:22.123456Z","resolution_status":"OPEN"}""";

    private static FakeReply ToolCallThenAnswer(int index, RecordedRequest _) => index switch
    {
        // Round 1: the model asks for get_ticket, arguments split across chunks as the real API does.
        0 => FakeReply.Stream(RoleChunk(), ToolCallStart(0, "call_abc", "get_ticket"),
            ToolCallArguments(0, "{\"i"), ToolCallArguments(0, "d\": 1"), ToolCallArguments(0, "2}"), Finish("tool_calls")),
        // Round 2: it answers in text, token by token.
        _ => FakeReply.Stream(RoleChunk(), TextChunk("Ticket #12 "), TextChunk("is OPEN."), Finish("stop")),
    };

    private static async Task<List<Frame>> ChatAsync(AgentHostFactory factory, string message)
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/chat", new { message });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await SseReader.ReadAllAsync(response)).Frames;
    }

    private static StubHttpHandler TicketService() =>
        new((_, _) => StubHttpHandler.Json(HttpStatusCode.OK, Ticket12));

    [Fact]
    public async Task OpenAI_mode_streams_a_tool_call_and_the_answer_through_the_real_sdk()
    {
        await using var fake = await FakeOpenAIServer.StartAsync(ToolCallThenAnswer);
        var tickets = TicketService();
        await using var factory = new AgentHostFactory
        {
            Settings = new ChatProviderSettings(ChatProviderKind.OpenAI, new Uri(fake.BaseUrl, "v1"), "sk-test", "gpt-test"),
            TicketHandler = tickets,
        };

        var frames = await ChatAsync(factory, "show ticket 12");

        Assert.Equal(["tool", "token", "token", "end"], frames.Select(f => f.Event));
        Assert.Equal("get_ticket", frames[0].Data.GetProperty("name").GetString());
        Assert.Equal(12, frames[0].Data.GetProperty("arguments").GetProperty("id").GetInt32());
        Assert.Equal("succeeded", frames[0].Data.GetProperty("status").GetString());
        Assert.Equal("Ticket #12 is OPEN.", SseReader.Text(frames));
        Assert.Equal("/api/tickets/12/", Assert.Single(tickets.Requests).PathAndQuery);

        Assert.Equal(2, fake.Requests.Count);
        var first = fake.Requests[0];
        Assert.Equal("POST", first.Method);
        Assert.Equal("/v1/chat/completions", first.Path);
        Assert.Equal("", first.Query);
        Assert.Equal("Bearer sk-test", first.Header("Authorization"));
        Assert.Null(first.Header("api-key"));
        Assert.StartsWith("application/json", first.Header("Content-Type"));
        var body = first.Json;
        Assert.Equal("gpt-test", body.GetProperty("model").GetString());
        Assert.True(body.GetProperty("stream").GetBoolean());
        var messages = body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Contains("CLOSED is final", messages[0].GetProperty("content").GetString());
        Assert.Equal("show ticket 12", messages[1].GetProperty("content").GetString());
        var tools = body.GetProperty("tools").EnumerateArray().ToList();
        // Every tool of the catalogue is offered to the model, and nothing else.
        var catalogue = factory.Services.GetRequiredService<AgentHost.Tools.TicketToolCatalogue>();
        Assert.Equal(catalogue.Tools.Select(t => t.Name), tools.Select(t => t.GetProperty("function").GetProperty("name").GetString()));
        Assert.All(tools, t => Assert.Equal("function", t.GetProperty("type").GetString()));
        var setStatus = tools.Single(t => t.GetProperty("function").GetProperty("name").GetString() == "set_ticket_status");
        Assert.Equal(["OPEN", "RESOLVED", "CLOSED"],
            setStatus.GetProperty("function").GetProperty("parameters").GetProperty("properties").GetProperty("status").GetProperty("enum")
                .EnumerateArray().Select(e => e.GetString()!));

        // Round 2 carries the assistant's tool call and the tool's result back to the model.
        var second = fake.Requests[1].Json.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user", "assistant", "tool"], second.Select(m => m.GetProperty("role").GetString()));
        var call = second[2].GetProperty("tool_calls")[0];
        Assert.Equal("call_abc", call.GetProperty("id").GetString());
        Assert.Equal("get_ticket", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(12, JsonDocument.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!).RootElement.GetProperty("id").GetInt32());
        Assert.Equal("call_abc", second[3].GetProperty("tool_call_id").GetString());
        var result = JsonDocument.Parse(second[3].GetProperty("content").GetString()!).RootElement;
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal("Printer jams", result.GetProperty("data").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Azure_v1_mode_calls_the_openai_v1_path_with_the_deployment_as_model()
    {
        await using var fake = await FakeOpenAIServer.StartAsync(ToolCallThenAnswer);
        await using var factory = new AgentHostFactory
        {
            Settings = new ChatProviderSettings(ChatProviderKind.AzureOpenAIV1, fake.BaseUrl, "azure-key", "my-deployment"),
            TicketHandler = TicketService(),
        };

        var frames = await ChatAsync(factory, "show ticket 12");

        Assert.Equal(["tool", "token", "token", "end"], frames.Select(f => f.Event));
        Assert.Equal(2, fake.Requests.Count);
        Assert.All(fake.Requests, r =>
        {
            Assert.Equal("/openai/v1/chat/completions", r.Path);
            Assert.Equal("", r.Query);
            Assert.Equal("Bearer azure-key", r.Header("Authorization"));
            Assert.Equal("my-deployment", r.Json.GetProperty("model").GetString());
        });
    }

    [Fact]
    public async Task Azure_classic_mode_calls_the_deployment_path_with_api_version_and_api_key_header()
    {
        await using var fake = await FakeOpenAIServer.StartAsync(ToolCallThenAnswer);
        await using var factory = new AgentHostFactory
        {
            Settings = new ChatProviderSettings(ChatProviderKind.AzureOpenAIClassic, fake.BaseUrl, "azure-key", "gpt4o-dep", "2024-10-21"),
            TicketHandler = TicketService(),
        };

        var frames = await ChatAsync(factory, "show ticket 12");

        Assert.Equal(["tool", "token", "token", "end"], frames.Select(f => f.Event));
        Assert.Equal(2, fake.Requests.Count);
        Assert.All(fake.Requests, r =>
        {
            Assert.Equal("/openai/deployments/gpt4o-dep/chat/completions", r.Path);
            Assert.Equal("?api-version=2024-10-21", r.Query);
            Assert.Equal("azure-key", r.Header("api-key"));
            Assert.Null(r.Header("Authorization"));
        });
    }

    [Fact]
    public async Task Azure_without_a_key_sends_a_microsoft_entra_token_instead()
    {
        await using var fake = await FakeOpenAIServer.StartAsync(ToolCallThenAnswer);
        var credential = Azure.Core.DelegatedTokenCredential.Create((context, _) =>
        {
            Assert.Equal(["https://cognitiveservices.azure.com/.default"], context.Scopes);
            return new Azure.Core.AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1));
        });
        await using var factory = new AgentHostFactory
        {
            Settings = new ChatProviderSettings(ChatProviderKind.AzureOpenAIClassic, fake.BaseUrl, null, "gpt4o-dep", "2024-10-21") { Credential = credential },
            TicketHandler = TicketService(),
        };

        var frames = await ChatAsync(factory, "show ticket 12");

        Assert.Equal("end", frames[^1].Event);
        Assert.Equal(2, fake.Requests.Count);
        Assert.All(fake.Requests, r =>
        {
            Assert.Equal("Bearer entra-token", r.Header("Authorization"));
            Assert.Null(r.Header("api-key"));
        });
    }

    [Fact]
    public async Task A_401_ends_in_one_error_frame_that_names_the_credentials()
    {
        await using var fake = await FakeOpenAIServer.StartAsync((_, _) => FakeReply.Error(401, "Incorrect API key provided"));
        await using var factory = new AgentHostFactory { Settings = new ChatProviderSettings(ChatProviderKind.OpenAI, fake.BaseUrl, "bad", "gpt-test") };

        var frames = await ChatAsync(factory, "what's open?");

        var error = Assert.Single(frames);
        Assert.Equal("error", error.Event);
        Assert.Contains("refused the credentials (401)", error.Data.GetProperty("message").GetString());
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_429_is_retried_by_the_sdk_and_then_ends_in_one_error_frame()
    {
        var headers = new Dictionary<string, string> { ["retry-after-ms"] = "10", ["Retry-After"] = "0" };
        await using var fake = await FakeOpenAIServer.StartAsync((_, _) => FakeReply.Error(429, "Rate limit reached", headers));
        await using var factory = new AgentHostFactory
        {
            Settings = new ChatProviderSettings(ChatProviderKind.OpenAI, fake.BaseUrl, "sk", "gpt-test") { MaxRetries = 2 },
        };

        var frames = await ChatAsync(factory, "what's open?");

        var error = Assert.Single(frames);
        Assert.Equal("error", error.Event);
        Assert.Contains("rate-limiting requests (429)", error.Data.GetProperty("message").GetString());
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_in_time_ends_in_one_error_frame()
    {
        await using var fake = await FakeOpenAIServer.StartAsync((_, _) => FakeReply.Stream(TextChunk("late")) with { Delay = TimeSpan.FromSeconds(30) });
        await using var factory = new AgentHostFactory
        {
            Settings = new ChatProviderSettings(ChatProviderKind.OpenAI, fake.BaseUrl, "sk", "gpt-test")
            {
                NetworkTimeout = TimeSpan.FromMilliseconds(300),
                MaxRetries = 0,
            },
        };

        var frames = await ChatAsync(factory, "what's open?");

        var error = Assert.Single(frames);
        Assert.Equal("error", error.Event);
        Assert.Equal("The model provider did not answer in time.", error.Data.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Malformed_tool_arguments_go_back_to_the_model_as_an_error_result_naming_the_problem()
    {
        await using var fake = await FakeOpenAIServer.StartAsync((index, _) => index == 0
            ? FakeReply.Stream(RoleChunk(), ToolCallStart(0, "call_bad", "get_ticket"), ToolCallArguments(0, "{\"id\": 12"), Finish("tool_calls"))
            : FakeReply.Stream(TextChunk("I sent broken arguments."), Finish("stop")));
        await using var factory = new AgentHostFactory { Settings = new ChatProviderSettings(ChatProviderKind.OpenAI, fake.BaseUrl, "sk", "gpt-test") };

        var frames = await ChatAsync(factory, "show ticket 12");

        Assert.Equal(["tool", "token", "end"], frames.Select(f => f.Event));
        Assert.Equal("failed", frames[0].Data.GetProperty("status").GetString());
        var expected = "Error: the arguments for get_ticket could not be read: '{\"id\": 12' is not a JSON object (it breaks at character 10). " +
                       "Call it again with a JSON object of its parameters.";
        Assert.Equal(expected, frames[0].Data.GetProperty("summary").GetString());
        var toolMessage = fake.Requests[1].Json.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool");
        Assert.Equal(expected, toolMessage.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Parallel_tool_calls_in_one_streamed_response_are_all_run()
    {
        var tickets = TicketService();
        await using var fake = await FakeOpenAIServer.StartAsync((index, _) => index == 0
            ? FakeReply.Stream(RoleChunk(),
                ToolCallStart(0, "call_1", "get_ticket"), ToolCallArguments(0, "{\"id\":12}"),
                ToolCallStart(1, "call_2", "count_tickets"), ToolCallArguments(1, "{\"resolution_status\":\"OPEN\"}"),
                Finish("tool_calls"))
            : FakeReply.Stream(TextChunk("done"), Finish("stop")));
        await using var factory = new AgentHostFactory
        {
            Settings = new ChatProviderSettings(ChatProviderKind.OpenAI, fake.BaseUrl, "sk", "gpt-test"),
            TicketHandler = new StubHttpHandler((request, _) => request.RequestUri!.AbsolutePath == "/api/tickets/12/"
                ? StubHttpHandler.Json(HttpStatusCode.OK, Ticket12)
                : StubHttpHandler.Json(HttpStatusCode.OK, """{"count":4,"next":null,"previous":null,"results":[]}""")),
        };

        var frames = await ChatAsync(factory, "ticket 12 and how many are open");

        var tools = frames.Where(f => f.Event == "tool").Select(f => f.Data.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(["count_tickets", "get_ticket"], tools);
        var toolMessages = fake.Requests[1].Json.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("role").GetString() == "tool").ToList();
        Assert.Equal(["call_1", "call_2"], toolMessages.Select(m => m.GetProperty("tool_call_id").GetString()!));
        Assert.Contains("4 tickets are OPEN", toolMessages[1].GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v1/")]
    public async Task An_openai_compatible_base_url_works_with_or_without_a_trailing_slash(string path)
    {
        await using var fake = await FakeOpenAIServer.StartAsync((_, _) => FakeReply.Stream(RoleChunk(), TextChunk("hi"), Finish("stop")));
        var settings = new ChatProviderSettings(ChatProviderKind.OpenAI, new Uri(fake.BaseUrl, path), null, "llama3.1");
        using var adapter = new AgentHost.Chat.Providers.OpenAIChatClientAdapter(
            OpenAIChatClientFactory.Create(settings), settings.ProviderName);

        var response = await adapter.GetResponseAsync([new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User, "hello")]);

        Assert.Equal("hi", response.Text);
        var request = Assert.Single(fake.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("llama3.1", request.Json.GetProperty("model").GetString());
        Assert.False(request.Json.TryGetProperty("tools", out _));
    }
}
