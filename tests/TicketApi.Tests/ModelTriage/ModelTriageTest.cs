using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.ModelTriage;

/// <summary>Helpers of the model triage tests: a fake model, the service on it, and polling with a deadline.</summary>
public abstract class ModelTriageTest(TicketStoreFixture store) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly List<IDisposable> _factories = [];
    private readonly List<FakeOpenAIServer> _models = [];
    private readonly List<string> _databases = [];

    protected TicketStoreFixture Store { get; } = store;

    protected async Task<FakeOpenAIServer> StartModelAsync(Func<int, RecordedRequest, FakeReply> script)
    {
        var model = await FakeOpenAIServer.StartAsync(script);
        _models.Add(model);
        return model;
    }

    protected ModelTriageFactory Service(FakeOpenAIServer model, string? connectionString = null, int maxRetries = 0,
        TimeSpan? timeout = null, string? triageModel = null, int queueCapacity = 1024)
    {
        var factory = new ModelTriageFactory(Store, model, connectionString)
        {
            MaxRetries = maxRetries,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            TriageModel = triageModel,
            QueueCapacity = queueCapacity,
        };
        _factories.Add(factory);
        return factory;
    }

    /// <summary>A database that outlives one service (a restart), dropped when the test ends.</summary>
    protected string SharedDatabase()
    {
        var connectionString = Store.CreateDatabase();
        _databases.Add(connectionString);
        return connectionString;
    }

    protected static async Task<JsonObject> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/tickets/", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST gave {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected static Task<JsonObject> CreateVpnTicketAsync(HttpClient client) =>
        CreateAsync(client, new { title = "VPN keeps dropping", description = "The VPN tunnel drops every ten minutes since this morning." });

    protected static async Task<JsonObject> GetAsync(HttpClient client, long id)
    {
        var response = await client.GetAsync($"/api/tickets/{id}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    protected static async Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string json) =>
        await client.PatchAsync($"/api/tickets/{id}/", new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Polls the ticket until its triage leaves <c>pending</c>, failing after a deadline.</summary>
    protected static async Task<JsonObject> WaitUntilSettledAsync(HttpClient client, long id)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var ticket = await GetAsync(client, id);
            if (ModelAnswers.Status(ticket) != "pending")
            {
                return ticket;
            }
            Assert.True(DateTime.UtcNow < deadline, $"ticket {id} was still pending after {Deadline.TotalSeconds} s: {ticket}");
            await Task.Delay(20);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }
        foreach (var model in _models)
        {
            await model.DisposeAsync();
        }
        foreach (var database in _databases)
        {
            Store.DropDatabase(database);
        }
    }
}
