using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TicketApi.Tests.Infrastructure;

/// <summary>
/// Base of the REST contract tests: a fresh service and database of the given store per test, and small
/// request helpers. Each contract class is abstract and runs once per store (SQLite, PostgreSQL).
/// </summary>
public abstract class TicketApiTest : IDisposable
{
    /// <param name="services">More test services for the host, registered after the app's.</param>
    protected TicketApiTest(TicketStoreFixture store, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        Factory = new TicketApiFactory(store, services);
        Client = Factory.CreateClient();
    }

    protected TicketApiFactory Factory { get; }
    protected HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task<JsonObject> CreateTicketAsync(string title = "Email outage", string description = "Outbound mail is failing.")
    {
        var response = await Client.PostAsJsonAsync("/api/tickets/", new { title, description });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    /// <summary>Creates a ticket and walks it through the lifecycle to the wanted status.</summary>
    protected async Task<long> CreateTicketInStatusAsync(string status, string title = "Lifecycle ticket")
    {
        var id = (long)(await CreateTicketAsync(title))["id"]!;
        string[] path = status switch
        {
            "OPEN" => [],
            "RESOLVED" => ["RESOLVED"],
            "CLOSED" => ["RESOLVED", "CLOSED"],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path)
        {
            var response = await PatchJsonAsync($"/api/tickets/{id}/", $$"""{"resolution_status":"{{step}}"}""");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        return id;
    }

    protected Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string url, string json, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return Client.SendAsync(request);
    }

    protected Task<HttpResponseMessage> PostJsonAsync(string url, string json) => SendJsonAsync(HttpMethod.Post, url, json);
    protected Task<HttpResponseMessage> PutJsonAsync(string url, string json) => SendJsonAsync(HttpMethod.Put, url, json);
    protected Task<HttpResponseMessage> PatchJsonAsync(string url, string json) => SendJsonAsync(HttpMethod.Patch, url, json);

    protected static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts a problem-details answer with the status and returns its body.</summary>
    protected static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        return problem;
    }

    protected static string[] FieldErrors(JsonObject problem, string field) =>
        problem["errors"]?[field]?.AsArray().Select(e => (string)e!).ToArray() ?? [];

    protected async Task<JsonObject> GetPageAsync(string query)
    {
        var response = await Client.GetAsync("/api/tickets/" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {query} gave {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected static long[] Ids(JsonObject page) => page["results"]!.AsArray().Select(t => (long)t!["id"]!).ToArray();

    protected static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
