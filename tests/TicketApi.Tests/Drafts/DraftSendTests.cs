using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Contracts;
using TicketApi.Drafts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Drafts;

/// <summary>
/// The approval (docs/drafts.md, "Sending"): one transaction adds the reply, marks the draft SENT and stages the
/// mail, conditional on the ticket's version; refusals and lost races stage and store nothing.
/// </summary>
public abstract class DraftSendTests(TicketStoreFixture store) : DraftApiTest(store)
{
    private async Task<long> TicketWithDraftAsync(string status = "OPEN")
    {
        var id = await CreateTicketInStatusAsync(status);
        await WriteDraftAsync(id);
        return id;
    }

    [Fact]
    public async Task Sending_adds_the_reply_to_the_thread_marks_the_draft_sent_and_stages_the_reply_once()
    {
        var id = await TicketWithDraftAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(3));

        var response = await PostJsonAsync(Send(id), """{"resolve":false,"author":"  Sam (support)  "}""");
        var message = await ReadObjectAsync(response);
        var ticket = await GetTicketObjectAsync(id);
        var history = await GetHistoryAsync(id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("reply", (string)message["kind"]!);
        Assert.Equal("rest", (string)message["channel"]!);
        Assert.Equal("Sam (support)", (string)message["author"]!);
        Assert.Equal("Hi Dana,\n\nplease restart the VPN client.", (string)message["body"]!);
        Assert.Equal(1, await ThreadCountAsync(id));
        Assert.Equal("SENT", (string)history["results"]![0]!["status"]!);
        Assert.Equal("2025-01-08T14:18:22.123456Z", (string)history["results"]![0]!["updated"]!);
        await AssertProblemAsync(await Client.GetAsync(Draft(id)), HttpStatusCode.NotFound);
        Assert.Equal("2025-01-08T14:18:22.123456Z", (string)ticket["first_response_at"]!);
        Assert.Equal("OPEN", (string)ticket["resolution_status"]!);
        Assert.Equal([(id, "Hi Dana,\n\nplease restart the VPN client.")], Outbox.Replies.ToArray());
        Assert.Empty(Outbox.StatusNotices);
    }

    [Fact]
    public async Task Sending_with_resolve_moves_the_ticket_to_resolved_and_stages_the_status_notice()
    {
        var id = await TicketWithDraftAsync();

        var response = await PostJsonAsync(Send(id), """{"resolve":true}""");
        var ticket = await GetTicketObjectAsync(id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("RESOLVED", (string)ticket["resolution_status"]!);
        Assert.NotNull(ticket["resolved_at"]);
        Assert.Single(Outbox.Replies);
        Assert.Equal([(id, "RESOLVED")], Outbox.StatusNotices.ToArray());
    }

    [Fact]
    public async Task Sending_with_resolve_on_a_resolved_ticket_keeps_it_resolved_and_stages_no_second_notice()
    {
        var id = await TicketWithDraftAsync("RESOLVED");
        var resolvedAt = (string)(await GetTicketObjectAsync(id))["resolved_at"]!;
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.Created, (await PostJsonAsync(Send(id), """{"resolve":true}""")).StatusCode);

        Assert.Equal(resolvedAt, (string)(await GetTicketObjectAsync(id))["resolved_at"]!);
        Assert.Empty(Outbox.StatusNotices);
    }

    [Fact]
    public async Task Sending_with_no_body_sends_without_resolving()
    {
        var id = await TicketWithDraftAsync();

        var response = await Client.PostAsync(Send(id), null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("OPEN", (string)(await GetTicketObjectAsync(id))["resolution_status"]!);
    }

    [Fact]
    public async Task Sending_on_a_closed_ticket_is_409_and_changes_and_stages_nothing()
    {
        var id = await CreateTicketInStatusAsync("RESOLVED");
        await WriteDraftAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"CLOSED"}""")).StatusCode);

        var problem = await AssertProblemAsync(await PostJsonAsync(Send(id), """{"resolve":false}"""), HttpStatusCode.Conflict);

        Assert.Equal($"Ticket {id} is closed; a draft cannot be sent on it.", (string)problem["detail"]!);
        Assert.Equal(0, await ThreadCountAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(Draft(id))).StatusCode);
        Assert.Empty(Outbox.Replies);
    }

    [Fact]
    public async Task Sending_without_a_current_draft_is_409_whether_none_was_written_or_it_was_sent_or_discarded()
    {
        var never = await CreateTicketIdAsync();
        var sent = await TicketWithDraftAsync();
        var discarded = await TicketWithDraftAsync();
        Assert.Equal(HttpStatusCode.Created, (await PostJsonAsync(Send(sent), "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(Draft(discarded))).StatusCode);

        foreach (var id in new[] { never, sent, discarded })
        {
            var problem = await AssertProblemAsync(await PostJsonAsync(Send(id), "{}"), HttpStatusCode.Conflict);
            Assert.Contains("has no current draft to send", (string)problem["detail"]!, StringComparison.Ordinal);
        }
        Assert.Single(Outbox.Replies);
    }

    [Fact]
    public async Task Approving_a_version_that_is_no_longer_current_is_412_and_sends_nothing()
    {
        var id = await TicketWithDraftAsync();
        await PutJsonAsync(Draft(id), """{"reply":"Changed a second ago.","tech_instructions":""}""");

        var byBody = await AssertProblemAsync(await PostJsonAsync(Send(id), """{"version":1}"""), HttpStatusCode.PreconditionFailed);
        var request = new HttpRequestMessage(HttpMethod.Post, Send(id)) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var byHeader = await AssertProblemAsync(await Client.SendAsync(request), HttpStatusCode.PreconditionFailed);

        Assert.Equal("\"2\"", (string)byBody["current_etag"]!);
        Assert.Equal("\"2\"", (string)byHeader["current_etag"]!);
        Assert.Equal(0, await ThreadCountAsync(id));
        Assert.Empty(Outbox.Replies);
        var sent = await ReadObjectAsync(await PostJsonAsync(Send(id), """{"version":2}"""));
        Assert.Equal("Changed a second ago.", (string)sent["body"]!);
    }

    [Theory]
    [InlineData("""{"resolve":"yes"}""", HttpStatusCode.BadRequest, "resolve")]
    [InlineData("""{"resolve":false,"cc":"boss@example.com"}""", HttpStatusCode.BadRequest, "cc")]
    [InlineData("""{"version":"2"}""", HttpStatusCode.BadRequest, "version")]
    [InlineData("""{"version":0}""", HttpStatusCode.UnprocessableEntity, "version")]
    [InlineData("""{"author":"TOO_LONG"}""", HttpStatusCode.UnprocessableEntity, "author")]
    public async Task A_bad_approval_is_refused_and_sends_nothing(string body, HttpStatusCode status, string field)
    {
        var id = await TicketWithDraftAsync();

        var problem = await AssertProblemAsync(
            await PostJsonAsync(Send(id), body.Replace("TOO_LONG", new string('a', 300), StringComparison.Ordinal)), status);

        Assert.NotEmpty(FieldErrors(problem, field));
        Assert.Equal(0, await ThreadCountAsync(id));
        Assert.Empty(Outbox.Replies);
    }

    [Fact]
    public async Task Two_concurrent_approvals_of_one_draft_send_it_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var id = await TicketWithDraftAsync();

            var responses = await Task.WhenAll(PostJsonAsync(Send(id), "{}"), PostJsonAsync(Send(id), """{"resolve":true}"""));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order().ToArray());
            Assert.Equal(1, await ThreadCountAsync(id));
            Assert.Single(Outbox.Replies, r => r.TicketId == id);
        }
    }

    [Fact]
    public async Task An_approval_racing_a_close_either_lands_before_the_close_or_is_refused_whole()
    {
        for (var round = 0; round < 6; round++)
        {
            var id = await TicketWithDraftAsync("RESOLVED");

            var send = PostJsonAsync(Send(id), "{}");
            var close = PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"CLOSED"}""");
            var (sent, closed) = (await send, await close);

            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
            Assert.Equal("CLOSED", (string)(await GetTicketObjectAsync(id))["resolution_status"]!);
            if (sent.StatusCode == HttpStatusCode.Created)
            {
                Assert.Equal(1, await ThreadCountAsync(id));
                Assert.Single(Outbox.Replies, r => r.TicketId == id);
            }
            else
            {
                await AssertProblemAsync(sent, HttpStatusCode.Conflict);
                Assert.Equal(0, await ThreadCountAsync(id));
                Assert.DoesNotContain(Outbox.Replies, r => r.TicketId == id);
                Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(Draft(id))).StatusCode);
            }
        }
    }

    [Fact]
    public async Task An_approval_whose_mail_cannot_be_staged_stores_nothing_at_all()
    {
        var id = await TicketWithDraftAsync();
        Outbox.FailStaging = new InvalidOperationException("outbox table is full");

        using (var scope = Factory.Services.CreateScope())
        {
            var drafts = scope.ServiceProvider.GetRequiredService<TicketDrafts>();
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                drafts.SendAsync(id, new DraftApproval(Resolve: true), null, TicketMessageChannels.Rest, CancellationToken.None));
        }

        var ticket = await GetTicketObjectAsync(id);
        Assert.Equal(0, await ThreadCountAsync(id));
        Assert.Equal("OPEN", (string)ticket["resolution_status"]!);
        Assert.Null(ticket["first_response_at"]);
        Assert.Equal("DRAFT", (string)(await ReadObjectAsync(await Client.GetAsync(Draft(id))))["status"]!);
    }
}

public sealed class DraftSendOnSqliteTests() : DraftSendTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class DraftSendOnPostgresTests(PostgresServer server) : DraftSendTests(server);
