using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Drafts;
using TicketApi.Mail;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Drafts;

/// <summary>
/// A host with no draft writer or no outbox of its own (they are features of their own) starts, and says why it
/// cannot draft or send (503) instead of failing, or sending a reply whose email was never queued.
/// </summary>
public abstract class DraftWithoutPartsTests(TicketStoreFixture store) : TicketApiTest(store, services =>
{
    services.AddSingleton<IDraftWriter, UnavailableDraftWriter>();
    services.AddSingleton<IOutbox, UnavailableOutbox>();
})
{
    [Fact]
    public async Task Without_a_writer_a_draft_request_is_503_saying_none_is_configured()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;

        var problem = await AssertProblemAsync(await PostJsonAsync($"/api/tickets/{id}/draft", "{}"), HttpStatusCode.ServiceUnavailable);

        Assert.Contains("no draft writer is configured", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_outbox_an_approval_is_503_and_the_reply_is_neither_added_nor_marked_sent()
    {
        var id = (long)(await CreateTicketAsync())["id"]!;
        using (var scope = Factory.Services.CreateScope())
        {
            // A draft stored directly: this host cannot write one.
            var store = scope.ServiceProvider.GetRequiredService<TicketApi.Drafts.Storage.DraftStore>();
            var content = new DraftContent("Hi, fixed.", "", SolutionStatuses.Final, [], [], "offline");
            await store.AddVersionAsync(id, null, TicketApi.Drafts.Storage.DraftEntity.From(content, null, edited: false), CancellationToken.None);
        }

        var problem = await AssertProblemAsync(await PostJsonAsync($"/api/tickets/{id}/draft/send", "{}"), HttpStatusCode.ServiceUnavailable);
        var thread = await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/messages/"));

        Assert.Contains("no outbox is configured", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(0, (long)thread["count"]!);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/tickets/{id}/draft")).StatusCode);
        Assert.Null((await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/")))["first_response_at"]);
    }
}

public sealed class DraftWithoutPartsOnSqliteTests() : DraftWithoutPartsTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class DraftWithoutPartsOnPostgresTests(PostgresServer server) : DraftWithoutPartsTests(server);
