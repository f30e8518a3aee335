using System.Net;
using System.Net.Http.Headers;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.KnowledgeBase;

/// <summary>/api/articles/ CRUD and every refusal, on both stores (docs/knowledge-base.md).</summary>
public abstract class ArticleEndpointTests(TicketStoreFixture store) : ArticleApiTest(store)
{
    [Fact]
    public async Task Post_creates_an_article_with_every_field_a_slug_from_the_title_and_an_etag()
    {
        var response = await PostJsonAsync(Articles,
            """{"title":" Printer prints blank pages! ","category":"HARDWARE","tags":[" toner ","printer"],"body":"Replace the toner.","internal_notes":"Check the drum."}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = await ReadObjectAsync(response);
        Assert.Equal($"/api/articles/{article["id"]}/", response.Headers.Location!.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal("printer-prints-blank-pages", (string)article["slug"]!);
        Assert.Equal("Printer prints blank pages!", (string)article["title"]!);
        Assert.Equal(["toner", "printer"], article["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("Check the drum.", (string)article["internal_notes"]!);
        Assert.Equal("2025-01-08T14:15:22.123456Z", (string)article["created"]!);
        Assert.Equal(
            ["id", "slug", "title", "category", "tags", "body", "internal_notes", "created", "updated"],
            article.Select(p => p.Key));

        var read = await ReadObjectAsync(await Client.GetAsync($"{Articles}{article["id"]}/"));
        Assert.Equal(article.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task A_second_article_with_the_same_title_gets_a_numbered_slug()
    {
        await CreateArticleAsync("Toner low");
        var second = await CreateArticleAsync("Toner low");
        Assert.Equal("toner-low-2", (string)second["slug"]!);
    }

    [Fact]
    public async Task Post_with_a_slug_that_is_taken_returns_409()
    {
        var problem = await AssertProblemAsync(await PostJsonAsync(Articles,
            """{"slug":"vpn-drops","title":"Another VPN article","category":"NETWORK","body":"x"}"""), HttpStatusCode.Conflict);
        Assert.Contains("vpn-drops", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_to_a_slug_that_is_taken_returns_409_and_changes_nothing()
    {
        var article = await CreateArticleAsync();
        var item = $"{Articles}{article["id"]}/";
        await AssertProblemAsync(await PatchJsonAsync(item, """{"slug":"vpn-drops","title":"Changed"}"""), HttpStatusCode.Conflict);
        Assert.Equal("Printer prints blank pages", (string)(await ReadObjectAsync(await Client.GetAsync(item)))["title"]!);
    }

    [Theory]
    [InlineData("""{"category":"HARDWARE","body":"x"}""", "title")]
    [InlineData("""{"title":"x","body":"x"}""", "category")]
    [InlineData("""{"title":"x","category":"HARDWARE"}""", "body")]
    [InlineData("""{"title":"x","category":"HARDWARE","body":"x","colour":"red"}""", "colour")]
    [InlineData("""{"title":null,"category":"HARDWARE","body":"x"}""", "title")]
    [InlineData("""{"title":"x","category":"HARDWARE","body":"x","tags":"vpn"}""", "tags")]
    [InlineData("""{"title":"x","category":"HARDWARE","body":"x","tags":["vpn",3]}""", "tags")]
    [InlineData("""{"title":"x","category":"HARDWARE","body":42}""", "body")]
    [InlineData("""{"title":"x","title":"y","category":"HARDWARE","body":"x"}""", "title")]
    [InlineData("""{"title":"x","category":"HARDWARE","body":"nul \u0000 here"}""", "body")]
    public async Task Post_with_a_body_of_the_wrong_shape_returns_400_naming_the_field(string json, string field)
    {
        var problem = await AssertProblemAsync(await PostJsonAsync(Articles, json), HttpStatusCode.BadRequest);
        Assert.NotEmpty(FieldErrors(problem, field));
    }

    [Theory]
    [InlineData("""{"title":"   ","category":"HARDWARE","body":"x"}""", "title", "blank")]
    [InlineData("""{"title":"x","category":"hardware","body":"x"}""", "category", "Allowed values are: ACCOUNT, NETWORK, EMAIL, HARDWARE, SOFTWARE, BILLING, OTHER")]
    [InlineData("""{"title":"x","category":"HARDWARE","body":"  "}""", "body", "blank")]
    [InlineData("""{"title":"x","category":"HARDWARE","body":"x","slug":"Not A Slug"}""", "slug", "not a slug")]
    [InlineData("""{"title":"x","category":"HARDWARE","body":"x","tags":["vpn","VPN"]}""", "tags", "more than once")]
    [InlineData("""{"title":"x","category":"HARDWARE","body":"x","tags":[" "]}""", "tags", "blank")]
    public async Task Post_with_a_value_an_article_cannot_take_returns_422_naming_the_field(string json, string field, string message)
    {
        var problem = await AssertProblemAsync(await PostJsonAsync(Articles, json), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(FieldErrors(problem, field), e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Limits_on_title_body_notes_and_tags_are_422_with_the_lengths()
    {
        var tooMany = string.Join(",", Enumerable.Range(1, 21).Select(i => $"\"t{i}\""));
        var json = $$"""{"title":"{{new string('t', 256)}}","category":"OTHER","body":"{{new string('b', 50_001)}}","internal_notes":"{{new string('n', 50_001)}}","tags":[{{tooMany}}]}""";
        var problem = await AssertProblemAsync(await PostJsonAsync(Articles, json), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("(it has 256)", FieldErrors(problem, "title")[0], StringComparison.Ordinal);
        Assert.Contains("50,000", FieldErrors(problem, "body")[0], StringComparison.Ordinal);
        Assert.NotEmpty(FieldErrors(problem, "internal_notes"));
        Assert.Contains("no more than 20 tags", FieldErrors(problem, "tags")[0], StringComparison.Ordinal);

        var longTag = await AssertProblemAsync(await PostJsonAsync(Articles,
            $$"""{"title":"x","category":"OTHER","body":"x","tags":["{{new string('g', 41)}}"]}"""), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("longer than 40", FieldErrors(longTag, "tags")[0], StringComparison.Ordinal);

        // The largest valid article is accepted.
        var largest = $$"""{"title":"{{new string('t', 255)}}","category":"OTHER","body":"{{new string('b', 50_000)}}","internal_notes":"{{new string('n', 50_000)}}"}""";
        Assert.Equal(HttpStatusCode.Created, (await PostJsonAsync(Articles, largest)).StatusCode);
    }

    [Fact]
    public async Task Non_json_malformed_and_oversized_bodies_are_415_400_and_413()
    {
        await AssertProblemAsync(await SendJsonAsync(HttpMethod.Post, Articles, """{"title":"x"}""", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await AssertProblemAsync(await PostJsonAsync(Articles, """{"title": """), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await PostJsonAsync(Articles, "[]"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await PostJsonAsync(Articles, ""), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await PostJsonAsync(Articles, $$"""{"body":"{{new string('a', 2 * 1024 * 1024)}}"}"""), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_given_and_moves_the_etag()
    {
        var article = await CreateArticleAsync(extra: ",\"tags\":[\"toner\"],\"internal_notes\":\"Drum\"");
        var item = $"{Articles}{article["id"]}/";
        var response = await PatchJsonAsync(item, """{"tags":["toner","blank"],"id":999,"created":"x"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        var patched = await ReadObjectAsync(response);
        Assert.Equal(["toner", "blank"], patched["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("Drum", (string)patched["internal_notes"]!);
        Assert.Equal((long)article["id"]!, (long)patched["id"]!);

        var same = await PatchJsonAsync(item, """{"tags":["toner","blank"]}""");
        Assert.Equal("\"2\"", same.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Patch_with_bad_values_returns_422_and_unknown_fields_400()
    {
        var item = $"{Articles}{(await CreateArticleAsync())["id"]}/";
        await AssertProblemAsync(await PatchJsonAsync(item, """{"category":"PRINTERS"}"""), HttpStatusCode.UnprocessableEntity);
        await AssertProblemAsync(await PatchJsonAsync(item, """{"title":""}"""), HttpStatusCode.UnprocessableEntity);
        await AssertProblemAsync(await PatchJsonAsync(item, """{"colour":"red"}"""), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await PatchJsonAsync(item, """{"body":null}"""), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unknown_or_malformed_ids_are_404_on_every_item_route()
    {
        foreach (var id in new[] { "999999", "abc", "0", "-1" })
        {
            var problem = await AssertProblemAsync(await Client.GetAsync($"{Articles}{id}/"), HttpStatusCode.NotFound);
            Assert.Equal($"Article with id '{id}' was not found.", (string)problem["detail"]!);
            await AssertProblemAsync(await PatchJsonAsync($"{Articles}{id}/", "{}"), HttpStatusCode.NotFound);
            await AssertProblemAsync(await Client.DeleteAsync($"{Articles}{id}/"), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task If_match_guards_patch_and_delete_and_if_none_match_answers_304()
    {
        var item = $"{Articles}{(await CreateArticleAsync())["id"]}/";
        var stale = await SendWithHeaderAsync(HttpMethod.Patch, item, "If-Match", "\"7\"", """{"title":"New"}""");
        var problem = await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"1\"", (string)problem["current_etag"]!);
        await AssertProblemAsync(await SendWithHeaderAsync(HttpMethod.Patch, item, "If-Match", "not a tag", """{"title":"New"}"""), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await SendWithHeaderAsync(HttpMethod.Patch, item, "If-Match", "\"1\"", """{"title":"New"}""")).StatusCode);

        Assert.Equal(HttpStatusCode.NotModified, (await SendWithHeaderAsync(HttpMethod.Get, item, "If-None-Match", "\"2\"")).StatusCode);

        await AssertProblemAsync(await SendWithHeaderAsync(HttpMethod.Delete, item, "If-Match", "\"1\""), HttpStatusCode.PreconditionFailed);
        await AssertProblemAsync(await SendWithHeaderAsync(HttpMethod.Delete, item, "If-Match", "bad"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await SendWithHeaderAsync(HttpMethod.Delete, item, "If-Match", "\"2\"")).StatusCode);
        await AssertProblemAsync(await Client.GetAsync(item), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.DeleteAsync(item), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Head_answers_with_the_status_and_etag_of_get()
    {
        var item = $"{Articles}{(await CreateArticleAsync())["id"]}/";
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, item));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("\"1\"", head.Headers.ETag!.Tag);
        using var list = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Articles + "?colour=red"));
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
    }

    [Fact]
    public async Task Lists_page_in_the_ticket_envelope_and_refuse_bad_parameters()
    {
        var page = await GetArticlesAsync("?page_size=10&page=2");
        Assert.Equal(25, (long)page["count"]!);
        Assert.Equal(10, page["results"]!.AsArray().Count);
        Assert.EndsWith("/api/articles/?page_size=10&page=3", (string)page["next"]!, StringComparison.Ordinal);
        Assert.EndsWith("/api/articles/?page_size=10", (string)page["previous"]!, StringComparison.Ordinal);

        await AssertProblemAsync(await Client.GetAsync(Articles + "?page=9"), HttpStatusCode.NotFound);
        foreach (var (query, field) in new[]
        {
            ("?colour=red", "colour"), ("?page=0", "page"), ("?page_size=x", "page_size"), ("?category=PRINTERS", "category"),
            ("?category__in=EMAIL,NOPE", "category__in"), ("?ordering=slug", "ordering"), ("?search=" + new string('a', 501), "search"),
            ("?category=EMAIL&category=NETWORK", "category"),
        })
        {
            var problem = await AssertProblemAsync(await Client.GetAsync(Articles + query), HttpStatusCode.BadRequest);
            Assert.NotEmpty(FieldErrors(problem, field));
        }
    }

    [Fact]
    public async Task Category_filters_and_ordering_choose_and_sort_articles()
    {
        var billing = await GetArticlesAsync("?category=BILLING");
        Assert.Equal(["duplicate-charge", "invoice-copy", "payment-declined", "refund-status"], Slugs(billing).Order());
        Assert.All(billing["results"]!.AsArray(), a => Assert.Equal("BILLING", (string)a!["category"]!));

        var two = await GetArticlesAsync("?category__in=NETWORK,ACCOUNT&page_size=100");
        Assert.Equal(6, (long)two["count"]!);

        var titles = (await GetArticlesAsync("?page_size=100"))["results"]!.AsArray().Select(a => (string)a!["title"]!).ToList();
        Assert.Equal(titles.Order(StringComparer.OrdinalIgnoreCase), titles);
        var descending = (await GetArticlesAsync("?page_size=100&ordering=-title"))["results"]!.AsArray().Select(a => (string)a!["title"]!).ToList();
        Assert.Equal(titles.AsEnumerable().Reverse(), descending);
        var ids = (await GetArticlesAsync("?ordering=-id"))["results"]!.AsArray().Select(a => (long)a!["id"]!).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
    }

    private Task<HttpResponseMessage> SendWithHeaderAsync(HttpMethod method, string url, string header, string value, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        request.Headers.TryAddWithoutValidation(header, value);
        return Client.SendAsync(request);
    }
}

public sealed class ArticleEndpointOnSqliteTests() : ArticleEndpointTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ArticleEndpointOnPostgresTests(PostgresServer server) : ArticleEndpointTests(server);
