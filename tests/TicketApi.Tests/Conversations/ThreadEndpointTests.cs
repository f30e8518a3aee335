using System.Net;
using System.Text.Json.Nodes;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Conversations;

/// <summary>
/// <c>GET/POST /api/tickets/{id}/messages/</c> as a client sees them (docs/rest-api.md, "Conversation thread"):
/// the message and page shapes, and every refusal with its status and words.
/// </summary>
public abstract class ThreadEndpointTests(TicketStoreFixture store) : TicketApiTest(store)
{
    private static string Messages(long id) => $"/api/tickets/{id}/messages/";

    private async Task<long> TicketAsync() => (long)(await CreateTicketAsync())["id"]!;

    private async Task<JsonObject> AddAsync(long id, string json)
    {
        var response = await PostJsonAsync(Messages(id), json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task Post_returns_201_with_the_message_trimmed_stamped_and_from_channel_rest()
    {
        var id = await TicketAsync();

        var message = await AddAsync(id, """{"kind":"reply","body":"  Please restart the relay.  ","author":" Sam (support) "}""");

        Assert.True((long)message["id"]! >= 1);
        Assert.Equal(id, (long)message["ticket_id"]!);
        Assert.Equal("reply", (string)message["kind"]!);
        Assert.Equal("Please restart the relay.", (string)message["body"]!);
        Assert.Equal("Sam (support)", (string)message["author"]!);
        Assert.Equal("2025-01-08T14:15:22.123456Z", (string)message["created"]!);
        Assert.Equal("rest", (string)message["channel"]!);
    }

    [Fact]
    public async Task Read_only_fields_in_a_body_are_ignored_so_a_client_cannot_claim_another_channel()
    {
        var id = await TicketAsync();

        var message = await AddAsync(id, """{"kind":"note","body":"x","author":null,"id":999,"ticket_id":5,"created":"2001-01-01T00:00:00Z","channel":"email"}""");

        Assert.NotEqual(999, (long)message["id"]!);
        Assert.Equal(id, (long)message["ticket_id"]!);
        Assert.Equal("rest", (string)message["channel"]!);
        Assert.Null(message["author"]);
    }

    [Fact]
    public async Task Get_lists_the_thread_oldest_first_in_the_page_envelope_with_absolute_links()
    {
        var id = await TicketAsync();
        foreach (var body in new[] { "first", "second", "third" })
        {
            await AddAsync(id, $$"""{"kind":"note","body":"{{body}}"}""");
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var all = await ReadObjectAsync(await Client.GetAsync(Messages(id)));
        var first = await ReadObjectAsync(await Client.GetAsync(Messages(id) + "?page_size=2"));
        var second = await ReadObjectAsync(await Client.GetAsync(Messages(id) + "?page=2&page_size=2"));

        Assert.Equal(3, (long)all["count"]!);
        Assert.Equal(["first", "second", "third"], all["results"]!.AsArray().Select(m => (string)m!["body"]!));
        Assert.Null(all["next"]);
        Assert.Null(all["previous"]);
        Assert.Equal(["first", "second"], first["results"]!.AsArray().Select(m => (string)m!["body"]!));
        Assert.Equal($"http://localhost/api/tickets/{id}/messages/?page=2&page_size=2", (string)first["next"]!);
        Assert.Equal(["third"], second["results"]!.AsArray().Select(m => (string)m!["body"]!));
        Assert.Equal($"http://localhost/api/tickets/{id}/messages/?page_size=2", (string)second["previous"]!);
        Assert.Null(second["next"]);
    }

    [Fact]
    public async Task An_empty_thread_is_an_empty_first_page_and_a_page_size_over_100_is_capped()
    {
        var id = await TicketAsync();

        var empty = await ReadObjectAsync(await Client.GetAsync(Messages(id) + "?page_size=500"));

        Assert.Equal(0, (long)empty["count"]!);
        Assert.Empty(empty["results"]!.AsArray());
    }

    [Fact]
    public async Task A_missing_or_malformed_ticket_id_is_404_for_both_methods_before_anything_about_the_body()
    {
        foreach (var path in new[] { Messages(424242), "/api/tickets/abc/messages/", "/api/tickets/0/messages/" })
        {
            var listed = await AssertProblemAsync(await Client.GetAsync(path), HttpStatusCode.NotFound);
            var posted = await AssertProblemAsync(await SendJsonAsync(HttpMethod.Post, path, "not json", "text/plain"), HttpStatusCode.NotFound);

            Assert.EndsWith("was not found.", (string)listed["detail"]!);
            Assert.Equal((string)listed["detail"]!, (string)posted["detail"]!);
        }
    }

    [Fact]
    public async Task Post_with_an_unknown_kind_returns_422_naming_the_allowed_kinds()
    {
        var id = await TicketAsync();

        var problem = await AssertProblemAsync(await PostJsonAsync(Messages(id), """{"kind":"email","body":"hi"}"""), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["Invalid kind 'email'. Allowed values are: customer, reply, note."], FieldErrors(problem, "kind"));
    }

    [Fact]
    public async Task Post_with_a_blank_or_over_long_body_returns_422_and_20000_characters_are_accepted()
    {
        var id = await TicketAsync();

        var blank = await AssertProblemAsync(await PostJsonAsync(Messages(id), """{"kind":"note","body":"   "}"""), HttpStatusCode.UnprocessableEntity);
        var tooLong = await AssertProblemAsync(await PostJsonAsync(Messages(id), $$"""{"kind":"note","body":"{{new string('a', 20_001)}}"}"""), HttpStatusCode.UnprocessableEntity);
        var longest = await AddAsync(id, $$"""{"kind":"note","body":"{{string.Concat(Enumerable.Repeat("\\ud83d\\ude00", 20_000))}}"}""");

        Assert.Equal(["This field may not be blank."], FieldErrors(blank, "body"));
        Assert.Equal(["Ensure this field has no more than 20000 characters (it has 20001)."], FieldErrors(tooLong, "body"));
        Assert.Equal(40_000, ((string)longest["body"]!).Length); // 20,000 emoji, one character each as people count
    }

    [Theory]
    [InlineData("""{"kind":"note","body":"x","colour":"red"}""", "colour", "Unknown field sent in request body.")]
    [InlineData("""{"kind":5,"body":"x"}""", "kind", "Expected a string, got a number.")]
    [InlineData("""{"kind":"note","body":null}""", "body", "This field may not be null.")]
    [InlineData("""{"kind":"note"}""", "body", "This field is required.")]
    [InlineData("""{"body":"x"}""", "kind", "This field is required.")]
    [InlineData("""{"kind":"note","body":"x","body":"y"}""", "body", "Field sent more than once.")]
    [InlineData("""{"kind":"note","body":"x","author":42}""", "author", "Expected a string, got a number.")]
    public async Task Post_with_a_body_of_the_wrong_shape_returns_400_naming_the_field(string json, string field, string error)
    {
        var id = await TicketAsync();

        var problem = await AssertProblemAsync(await PostJsonAsync(Messages(id), json), HttpStatusCode.BadRequest);

        Assert.Contains(error, FieldErrors(problem, field));
    }

    [Theory]
    [InlineData("", "The request body is empty: send a JSON object.")]
    [InlineData("""{"kind": """, "The request body is not valid JSON")]
    [InlineData("""["note"]""", "The request body must be a JSON object, not an array.")]
    public async Task Post_with_an_empty_or_malformed_body_returns_400_saying_so(string json, string detail)
    {
        var id = await TicketAsync();

        var problem = await AssertProblemAsync(await PostJsonAsync(Messages(id), json), HttpStatusCode.BadRequest);

        Assert.StartsWith(detail, (string)problem["detail"]!);
    }

    [Fact]
    public async Task Post_that_is_not_json_is_415_and_one_over_256_KiB_is_413()
    {
        var id = await TicketAsync();

        await AssertProblemAsync(await SendJsonAsync(HttpMethod.Post, Messages(id), """{"kind":"note","body":"x"}""", "text/plain"), HttpStatusCode.UnsupportedMediaType);
        await AssertProblemAsync(await PostJsonAsync(Messages(id), $$"""{"kind":"note","body":"{{new string('a', 300 * 1024)}}"}"""), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (long)(await ReadObjectAsync(await Client.GetAsync(Messages(id))))["count"]!);
    }

    [Theory]
    [InlineData("?page=0", "page", "'0' is not a page number: use a whole number from 1.")]
    [InlineData("?page_size=abc", "page_size", "'abc' is not a page size: use a whole number from 1 to 100.")]
    [InlineData("?search=vpn", "search", "Unknown query parameter. Allowed parameters are: page, page_size.")]
    [InlineData("?page=1&page=2", "page", "Given more than once; give it once.")]
    public async Task Get_with_a_bad_or_unknown_query_parameter_returns_400_naming_it(string query, string parameter, string error)
    {
        var id = await TicketAsync();

        var problem = await AssertProblemAsync(await Client.GetAsync(Messages(id) + query), HttpStatusCode.BadRequest);

        Assert.Equal([error], FieldErrors(problem, parameter));
    }

    [Fact]
    public async Task Get_of_a_page_past_the_end_returns_404()
    {
        var id = await TicketAsync();
        await AddAsync(id, """{"kind":"note","body":"only one"}""");

        var problem = await AssertProblemAsync(await Client.GetAsync(Messages(id) + "?page=2"), HttpStatusCode.NotFound);

        Assert.Equal("Invalid page. Page 2 is past the last page of results.", (string)problem["detail"]!);
    }
}

public sealed class ThreadEndpointOnSqliteTests() : ThreadEndpointTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ThreadEndpointOnPostgresTests(PostgresServer server) : ThreadEndpointTests(server);
