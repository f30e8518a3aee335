using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using TicketApi.KnowledgeBase.Starter;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.KnowledgeBase;

/// <summary>
/// The starter set is loaded once into an empty knowledge base on first start, on both stores, and never
/// again: not on restart, not after every article was deleted, not beside articles people wrote, not twice
/// when two hosts start together; <c>KB_SEED=false</c> turns it off (docs/knowledge-base.md, "Starter articles").
/// </summary>
public abstract class StarterArticleLoadTests(TicketStoreFixture store) : IDisposable
{
    private static readonly int StarterCount = StarterArticleParser.LoadEmbedded().Count;
    private readonly TicketApiFactory _factory = new(store);

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task First_start_loads_every_starter_article_with_steps_and_internal_notes_apart()
    {
        using var client = _factory.CreateClient();
        var page = await client.GetFromJsonAsync<JsonObject>("/api/articles/?page_size=100");

        Assert.True(StarterCount >= 20);
        Assert.Equal(StarterCount, (long)page!["count"]!);
        foreach (var article in page["results"]!.AsArray())
        {
            var body = (string)article!["body"]!;
            Assert.StartsWith("## Steps", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Internal notes", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("## ", (string)article["internal_notes"]!, StringComparison.Ordinal);
            Assert.NotEmpty((string)article["internal_notes"]!);
        }
    }

    [Fact]
    public async Task Kb_seed_false_leaves_the_knowledge_base_empty()
    {
        using var client = WithSeed("false").CreateClient();
        Assert.Equal(0, await CountAsync(client));
    }

    [Fact]
    public async Task A_restart_loads_nothing_twice()
    {
        using (var first = _factory.CreateClient())
        {
            Assert.Equal(StarterCount, await CountAsync(first));
        }
        using var second = WithSeed("true").CreateClient();
        Assert.Equal(StarterCount, await CountAsync(second));
    }

    [Fact]
    public async Task Articles_deleted_after_the_load_do_not_come_back_on_restart()
    {
        using (var first = _factory.CreateClient())
        {
            var page = await first.GetFromJsonAsync<JsonObject>("/api/articles/?page_size=100");
            foreach (var article in page!["results"]!.AsArray())
            {
                Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync($"/api/articles/{article!["id"]}/")).StatusCode);
            }
        }
        using var second = WithSeed("true").CreateClient();
        Assert.Equal(0, await CountAsync(second));
    }

    [Fact]
    public async Task A_knowledge_base_people_already_wrote_to_is_not_loaded_into()
    {
        using (var unseeded = WithSeed("false").CreateClient())
        {
            var created = await unseeded.PostAsJsonAsync("/api/articles/", new { title = "Our own article", category = "OTHER", body = "Steps." });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using var seeded = WithSeed("true").CreateClient();
        Assert.Equal(1, await CountAsync(seeded));
    }

    [Fact]
    public async Task Two_hosts_starting_together_load_the_starter_set_once()
    {
        using var one = WithSeed("true");
        using var two = WithSeed("yes");
        var clients = await Task.WhenAll(Task.Run(one.CreateClient), Task.Run(two.CreateClient));
        try
        {
            Assert.Equal(StarterCount, await CountAsync(clients[0]));
            Assert.Equal(StarterCount, await CountAsync(clients[1]));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public void An_unreadable_kb_seed_value_stops_the_start_naming_the_variable()
    {
        using var broken = WithSeed("maybe");
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        Assert.Contains("KB_SEED='maybe'", error.ToString(), StringComparison.Ordinal);
    }

    private WebApplicationFactory<Program> WithSeed(string value) =>
        _factory.WithWebHostBuilder(builder => builder.UseSetting(KnowledgeBaseOptions.SeedVariable, value));

    private static async Task<long> CountAsync(HttpClient client) =>
        (long)(await client.GetFromJsonAsync<JsonObject>("/api/articles/?page_size=1"))!["count"]!;
}

public sealed class StarterArticleLoadOnSqliteTests() : StarterArticleLoadTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class StarterArticleLoadOnPostgresTests(PostgresServer server) : StarterArticleLoadTests(server);
