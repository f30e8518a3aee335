using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Data;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Conversations;

/// <summary>
/// What a message does to its ticket (docs/rest-api.md, "Conversation thread"): a customer message reopens a
/// RESOLVED ticket and is refused on a CLOSED one, the first reply sets first_response_at, notes change nothing
/// a requester could see, and a deleted ticket takes its thread with it.
/// </summary>
public abstract class ThreadLifecycleTests(TicketStoreFixture store) : TicketApiTest(store)
{
    private static readonly TimeSpan Later = TimeSpan.FromMinutes(5);

    private static string Messages(long id) => $"/api/tickets/{id}/messages/";

    private Task<HttpResponseMessage> AddAsync(long id, string kind, string body = "Any news?") =>
        PostJsonAsync(Messages(id), $$"""{"kind":"{{kind}}","body":"{{body}}"}""");

    private async Task<(JsonObject Ticket, string ETag)> GetTicketAsync(long id)
    {
        var response = await Client.GetAsync($"/api/tickets/{id}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadObjectAsync(response), response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_customer_message_reopens_a_resolved_ticket_keeping_resolved_at_and_moving_updated()
    {
        var id = await CreateTicketInStatusAsync("RESOLVED");
        var (resolved, resolvedTag) = await GetTicketAsync(id);
        Factory.Clock.Advance(Later);

        var added = await AddAsync(id, "customer", "It broke again.");
        var (reopened, reopenedTag) = await GetTicketAsync(id);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("OPEN", (string)reopened["resolution_status"]!);
        Assert.Equal((string)resolved["resolved_at"]!, (string)reopened["resolved_at"]!);
        Assert.Equal("2025-01-08T14:20:22.123456Z", (string)reopened["updated"]!);
        Assert.Equal((string)(await ReadObjectAsync(added))["created"]!, (string)reopened["updated"]!);
        Assert.NotEqual(resolvedTag, reopenedTag);
        Assert.Null(reopened["first_response_at"]);
    }

    [Fact]
    public async Task A_customer_message_on_a_closed_ticket_is_409_and_adds_nothing()
    {
        var id = await CreateTicketInStatusAsync("CLOSED");
        var (_, closedTag) = await GetTicketAsync(id);

        var problem = await AssertProblemAsync(await AddAsync(id, "customer", "Hello?"), HttpStatusCode.Conflict);
        var thread = await ReadObjectAsync(await Client.GetAsync(Messages(id)));

        Assert.Equal($"Ticket {id} is closed; open a new ticket.", (string)problem["detail"]!);
        Assert.Equal(0, (long)thread["count"]!);
        Assert.Equal(closedTag, (await GetTicketAsync(id)).ETag);
    }

    [Fact]
    public async Task Replies_and_notes_are_still_added_to_a_closed_ticket_without_reopening_it()
    {
        var id = await CreateTicketInStatusAsync("CLOSED");

        Assert.Equal(HttpStatusCode.Created, (await AddAsync(id, "note", "Closed as duplicate of 4.")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AddAsync(id, "reply", "We merged this into ticket 4.")).StatusCode);
        Assert.Equal("CLOSED", (string)(await GetTicketAsync(id)).Ticket["resolution_status"]!);
    }

    [Fact]
    public async Task The_first_reply_sets_first_response_at_and_later_replies_do_not_move_it()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var (_, createdTag) = await GetTicketAsync(id);
        Factory.Clock.Advance(Later);

        var first = await ReadObjectAsync(await AddAsync(id, "reply", "Looking into it."));
        var (afterFirst, firstTag) = await GetTicketAsync(id);
        Factory.Clock.Advance(Later);
        await AddAsync(id, "reply", "Fixed now.");
        var (afterSecond, secondTag) = await GetTicketAsync(id);

        Assert.Equal((string)first["created"]!, (string)afterFirst["first_response_at"]!);
        Assert.Equal((string)first["created"]!, (string)afterFirst["updated"]!);
        Assert.NotEqual(createdTag, firstTag);
        Assert.Equal((string)afterFirst["first_response_at"]!, (string)afterSecond["first_response_at"]!);
        Assert.Equal(firstTag, secondTag);
    }

    [Fact]
    public async Task Notes_and_customer_messages_on_an_open_ticket_change_nothing_on_the_ticket()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        var (before, beforeTag) = await GetTicketAsync(id);
        Factory.Clock.Advance(Later);

        await AddAsync(id, "note", "Vendor says next week.");
        await AddAsync(id, "customer", "Any update?");
        var (after, afterTag) = await GetTicketAsync(id);

        Assert.Equal(before.ToJsonString(), after.ToJsonString());
        Assert.Equal(beforeTag, afterTag);
        Assert.Null(after["first_response_at"]);
    }

    [Fact]
    public async Task Deleting_a_ticket_deletes_its_thread()
    {
        var kept = (long)(await CreateTicketAsync("Kept"))["id"]!;
        var deleted = (long)(await CreateTicketAsync("Deleted"))["id"]!;
        await AddAsync(kept, "note");
        await AddAsync(deleted, "note");
        await AddAsync(deleted, "reply");

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/tickets/{deleted}/")).StatusCode);

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        Assert.Equal(0, await db.Messages.CountAsync(m => m.TicketId == deleted));
        Assert.Equal(1, await db.Messages.CountAsync(m => m.TicketId == kept));
        await AssertProblemAsync(await Client.GetAsync(Messages(deleted)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Concurrent_customer_messages_on_a_resolved_ticket_are_all_kept_and_reopen_it_once()
    {
        var id = await CreateTicketInStatusAsync("RESOLVED");
        var (_, resolvedTag) = await GetTicketAsync(id);
        const int Writers = 16;

        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => AddAsync(id, "customer", $"message {i}")));
        var (ticket, tag) = await GetTicketAsync(id);
        var thread = await ReadObjectAsync(await Client.GetAsync(Messages(id) + "?page_size=100"));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal("OPEN", (string)ticket["resolution_status"]!);
        // One reopen is one write: the version moved by exactly one.
        Assert.Equal(long.Parse(resolvedTag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) + 1,
            long.Parse(tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Writers, (long)thread["count"]!);
    }

    [Fact]
    public async Task A_customer_message_racing_a_close_has_exactly_one_winner_and_leaves_a_consistent_ticket()
    {
        for (var round = 0; round < 10; round++)
        {
            var id = await CreateTicketInStatusAsync("RESOLVED", $"Race {round}");

            // Either the message wins (the ticket reopens, so closing it is no longer allowed) or the close wins
            // (CLOSED is final, so the requester's message is refused): never both, never a message on a closed ticket.
            var close = PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"CLOSED"}""");
            var message = AddAsync(id, "customer", "Wait, it is broken again.");
            var (closed, added) = (await close, await message);
            var (ticket, _) = await GetTicketAsync(id);
            var count = (long)(await ReadObjectAsync(await Client.GetAsync(Messages(id))))["count"]!;

            if (added.StatusCode == HttpStatusCode.Created)
            {
                Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
                Assert.Equal(("OPEN", 1L), ((string)ticket["resolution_status"]!, count));
            }
            else
            {
                await AssertProblemAsync(added, HttpStatusCode.Conflict);
                Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
                Assert.Equal(("CLOSED", 0L), ((string)ticket["resolution_status"]!, count));
            }
        }
    }

    [Fact]
    public async Task Concurrent_first_replies_set_first_response_at_to_the_earliest_reply_only()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => AddAsync(id, "reply", $"reply {i}")));
        var (ticket, tag) = await GetTicketAsync(id);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.NotNull(ticket["first_response_at"]);
        Assert.Equal("\"2\"", tag); // created as 1; only one reply wrote the ticket
    }
}

public sealed class ThreadLifecycleOnSqliteTests() : ThreadLifecycleTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ThreadLifecycleOnPostgresTests(PostgresServer server) : ThreadLifecycleTests(server);
