using System.Net;
using System.Text.Json.Nodes;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.KnowledgeBase;

/// <summary>Base of the article contract tests: the ticket test host (starter articles loaded) and article helpers.</summary>
public abstract class ArticleApiTest(TicketStoreFixture store) : TicketApiTest(store)
{
    protected const string Articles = "/api/articles/";

    protected async Task<JsonObject> CreateArticleAsync(string title = "Printer prints blank pages", string category = "HARDWARE",
        string body = "## Steps\n1. Replace the toner cartridge.", string? extra = null)
    {
        var json = $$"""{"title":{{JsonValue.Create(title).ToJsonString()}},"category":"{{category}}","body":{{JsonValue.Create(body).ToJsonString()}}{{extra}}}""";
        var response = await PostJsonAsync(Articles, json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ReadObjectAsync(response);
    }

    protected async Task<JsonObject> GetArticlesAsync(string query)
    {
        var response = await Client.GetAsync(Articles + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {query} gave {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected static string[] Slugs(JsonObject page) => page["results"]!.AsArray().Select(a => (string)a!["slug"]!).ToArray();
}
