using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Data;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Drafts;

/// <summary>
/// A person's edits, discards and the version history of a ticket's drafts (docs/drafts.md, "Drafts over REST");
/// none of it, nor drafting, stages mail or changes the ticket.
/// </summary>
public abstract class DraftVersionTests(TicketStoreFixture store) : DraftApiTest(store)
{
    [Fact]
    public async Task A_persons_edit_is_a_new_version_marked_edited_that_keeps_the_drafts_sources()
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id, """{}""");
        await WriteDraftAsync(id, """{"instruction":"in Klingon"}""", HttpStatusCode.OK);

        var response = await PutJsonAsync(Draft(id), """{"reply":"  Hi Dana, fixed on our side.  ","tech_instructions":"Restarted the relay."}""");
        var edited = await ReadObjectAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
        Assert.Equal(3, (long)edited["version"]!);
        Assert.True((bool)edited["edited"]!);
        Assert.Equal("Hi Dana, fixed on our side.", (string)edited["reply"]!);
        Assert.Equal("Restarted the relay.", (string)edited["tech_instructions"]!);
        Assert.Null(edited["instruction"]);
        Assert.Null(edited["remark"]);
        Assert.Equal("VPN drops every few minutes", (string)edited["sources"]![0]!["title"]!);
        Assert.Equal("DRAFT", (string)edited["status"]!);
    }

    [Fact]
    public async Task A_draft_read_edited_and_put_back_whole_is_accepted()
    {
        var id = await CreateTicketIdAsync();
        var draft = await WriteDraftAsync(id);
        draft["reply"] = "Edited reply.";

        var response = await PutJsonAsync(Draft(id), draft.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Edited reply.", (string)(await ReadObjectAsync(response))["reply"]!);
    }

    [Theory]
    [InlineData("""{"reply":"x"}""", HttpStatusCode.BadRequest, "tech_instructions")]
    [InlineData("""{"reply":"x","tech_instructions":"","tone":"warm"}""", HttpStatusCode.BadRequest, "tone")]
    [InlineData("""{"reply":null,"tech_instructions":""}""", HttpStatusCode.BadRequest, "reply")]
    [InlineData("""{"reply":"   ","tech_instructions":""}""", HttpStatusCode.UnprocessableEntity, "reply")]
    [InlineData("""{"reply":"x","tech_instructions":"TOO_LONG"}""", HttpStatusCode.UnprocessableEntity, "tech_instructions")]
    public async Task A_bad_edit_is_refused_and_the_current_version_stays(string body, HttpStatusCode status, string field)
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);

        var problem = await AssertProblemAsync(
            await PutJsonAsync(Draft(id), body.Replace("TOO_LONG", new string('x', 20_001), StringComparison.Ordinal)), status);

        Assert.NotEmpty(FieldErrors(problem, field));
        Assert.Equal(1, (long)(await GetHistoryAsync(id))["count"]!);
    }

    [Fact]
    public async Task An_edit_without_a_current_draft_is_404()
    {
        var id = await CreateTicketIdAsync();

        var problem = await AssertProblemAsync(await PutJsonAsync(Draft(id), """{"reply":"x","tech_instructions":""}"""), HttpStatusCode.NotFound);

        Assert.Contains("has no current draft", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_with_a_stale_if_match_is_412_and_one_with_the_current_etag_is_stored()
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);
        await WriteDraftAsync(id, "{}", HttpStatusCode.OK);
        const string edit = """{"reply":"Mine.","tech_instructions":""}""";

        var stale = new HttpRequestMessage(HttpMethod.Put, Draft(id)) { Content = new StringContent(edit, System.Text.Encoding.UTF8, "application/json") };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var problem = await AssertProblemAsync(await Client.SendAsync(stale), HttpStatusCode.PreconditionFailed);
        var fresh = new HttpRequestMessage(HttpMethod.Put, Draft(id)) { Content = new StringContent(edit, System.Text.Encoding.UTF8, "application/json") };
        fresh.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        var stored = await Client.SendAsync(fresh);

        Assert.Equal("\"2\"", (string)problem["current_etag"]!);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(3, (long)(await GetHistoryAsync(id))["count"]!);
    }

    [Fact]
    public async Task Delete_discards_the_current_draft_which_stays_in_the_history_and_a_second_delete_is_404()
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        var first = await Client.DeleteAsync(Draft(id));
        var second = await Client.DeleteAsync(Draft(id));
        var history = await GetHistoryAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await AssertProblemAsync(second, HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.GetAsync(Draft(id)), HttpStatusCode.NotFound);
        Assert.Equal("DISCARDED", (string)history["results"]![0]!["status"]!);
        Assert.Equal("2025-01-08T14:16:22.123456Z", (string)history["results"]![0]!["updated"]!);
        Assert.Equal("2025-01-08T14:15:22.123456Z", (string)history["results"]![0]!["created"]!);
    }

    [Fact]
    public async Task The_history_lists_every_version_newest_first_a_page_at_a_time()
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);
        await WriteDraftAsync(id, """{"instruction":"shorter"}""", HttpStatusCode.OK);
        await PutJsonAsync(Draft(id), """{"reply":"Mine.","tech_instructions":""}""");
        await Client.DeleteAsync(Draft(id));
        await WriteDraftAsync(id);

        var all = await GetHistoryAsync(id);
        var page = await ReadObjectAsync(await Client.GetAsync(History(id) + "?page=2&page_size=1"));

        // The discard marked version 3; the fresh draft after it is version 4.
        Assert.Equal(4, (long)all["count"]!);
        Assert.Equal([4L, 3L, 2L, 1L], all["results"]!.AsArray().Select(d => (long)d!["version"]!).ToArray());
        Assert.Equal(["DRAFT", "DISCARDED", "DRAFT", "DRAFT"], all["results"]!.AsArray().Select(d => (string)d!["status"]!).ToArray());
        Assert.Equal([true, false], all["results"]!.AsArray().Skip(1).Take(2).Select(d => (bool)d!["edited"]!).ToArray());
        Assert.Equal([3L], page["results"]!.AsArray().Select(d => (long)d!["version"]!).ToArray());
        Assert.EndsWith($"/api/tickets/{id}/drafts/?page=3&page_size=1", (string)page["next"]!, StringComparison.Ordinal);
        Assert.EndsWith($"/api/tickets/{id}/drafts/?page_size=1", (string)page["previous"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?colour=red", HttpStatusCode.BadRequest)]
    [InlineData("?page=0", HttpStatusCode.BadRequest)]
    [InlineData("?page=9", HttpStatusCode.NotFound)]
    public async Task A_bad_history_query_is_refused(string query, HttpStatusCode status)
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);

        await AssertProblemAsync(await Client.GetAsync(History(id) + query), status);
    }

    [Fact]
    public async Task Deleting_a_ticket_deletes_its_drafts()
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);
        await WriteDraftAsync(id, "{}", HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/tickets/{id}/")).StatusCode);

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        Assert.Equal(0, await db.Drafts.CountAsync(d => d.TicketId == id));
    }

    [Fact]
    public async Task Writing_refining_editing_and_discarding_stage_no_mail_and_leave_the_ticket_as_it_was()
    {
        var id = await CreateTicketIdAsync();
        var before = await Client.GetAsync($"/api/tickets/{id}/");

        await WriteDraftAsync(id);
        await WriteDraftAsync(id, """{"instruction":"friendlier"}""", HttpStatusCode.OK);
        await PutJsonAsync(Draft(id), """{"reply":"Mine.","tech_instructions":""}""");
        await Client.DeleteAsync(Draft(id));
        var after = await Client.GetAsync($"/api/tickets/{id}/");

        Assert.Empty(Outbox.Replies);
        Assert.Empty(Outbox.StatusNotices);
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(0, await ThreadCountAsync(id));
        Assert.Null((await ReadObjectAsync(after))["first_response_at"]);
    }

    [Fact]
    public async Task Concurrent_fresh_drafts_each_get_a_version_of_their_own()
    {
        var id = await CreateTicketIdAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostJsonAsync(Draft(id), "{}")));
        var history = await GetHistoryAsync(id);

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK));
        Assert.Equal([6L, 5L, 4L, 3L, 2L, 1L], history["results"]!.AsArray().Select(d => (long)d!["version"]!).ToArray());
    }
}

public sealed class DraftVersionOnSqliteTests() : DraftVersionTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class DraftVersionOnPostgresTests(PostgresServer server) : DraftVersionTests(server);
