using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Data;
using TicketApi.Mail;
using TicketApi.Tests.Infrastructure;
using TicketApi.Tests.Mail.Infrastructure;

namespace TicketApi.Tests.Mail;

/// <summary>
/// What is staged, and that it commits with its cause (docs/mail.md, "What is mailed"): a notice on each move to
/// RESOLVED or CLOSED of a ticket with a requester email, nothing otherwise, exactly one when resolves race, and
/// a reply staged in a transaction that rolls back leaves nothing. No SMTP_HOST here: mail stays QUEUED.
/// </summary>
public abstract class OutboxStagingTests(TicketStoreFixture store) : TicketApiTest(store)
{
    private async Task<long> CreateWithRequesterAsync(string title = "Email outage", string? email = "dana@example.com")
    {
        var response = await Client.PostAsJsonAsync("/api/tickets/", new { title, description = "Details.", requester_email = email, requester_name = "Dana Scully" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)(await ReadObjectAsync(response))["id"]!;
    }

    private async Task MoveAsync(long id, string status)
    {
        var response = await PatchJsonAsync($"/api/tickets/{id}/", $$"""{"resolution_status":"{{status}}"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Resolving_a_ticket_with_a_requester_email_queues_a_resolved_notice_to_the_requester()
    {
        var id = await CreateWithRequesterAsync("Printer on fire");

        await MoveAsync(id, "RESOLVED");
        var mail = Assert.Single(await MailHostFactory.OutboxAsync(Client));

        Assert.Equal(id, (long)mail["ticket_id"]!);
        Assert.Equal("resolved", (string)mail["kind"]!);
        Assert.Equal("dana@example.com", (string)mail["to"]!);
        Assert.Equal("Dana Scully", (string)mail["to_name"]!);
        Assert.Equal($"[#{id}] Printer on fire", (string)mail["subject"]!);
        Assert.Contains("has been resolved", (string)mail["body"]!, StringComparison.Ordinal);
        Assert.StartsWith("Hello Dana Scully,", (string)mail["body"]!, StringComparison.Ordinal);
        Assert.Equal("QUEUED", (string)mail["status"]!);
        Assert.Equal(0, (int)mail["attempts"]!);
        Assert.Null(mail["last_error"]);
        Assert.Null(mail["sent_at"]);
        Assert.Matches($@"^<ticket-{id}\.resolved\.[0-9a-f]{{32}}@{MailSettings.FallbackDomain}>$", (string)mail["message_id"]!);
        Assert.Equal($"<ticket-{id}@{MailSettings.FallbackDomain}>", (string)mail["in_reply_to"]!);
        Assert.Equal("2025-01-08T14:15:22.123456Z", (string)mail["created"]!);
    }

    [Fact]
    public async Task Closing_queues_a_closed_notice_after_the_resolved_one()
    {
        var id = await CreateWithRequesterAsync();

        await MoveAsync(id, "RESOLVED");
        await MoveAsync(id, "CLOSED");
        var mails = await MailHostFactory.OutboxAsync(Client);

        Assert.Equal(["closed", "resolved"], mails.Select(m => (string)m["kind"]!));
        Assert.Contains("is now closed", (string)mails[0]["body"]!, StringComparison.Ordinal);
        Assert.NotEqual((string)mails[0]["message_id"]!, (string)mails[1]["message_id"]!);
        Assert.Equal((string)mails[0]["in_reply_to"]!, (string)mails[1]["in_reply_to"]!);
    }

    [Fact]
    public async Task A_ticket_without_a_requester_email_is_resolved_and_closed_without_mail()
    {
        var id = await CreateWithRequesterAsync(email: null);

        await MoveAsync(id, "RESOLVED");
        await MoveAsync(id, "CLOSED");

        Assert.Empty(await MailHostFactory.OutboxAsync(Client));
    }

    [Fact]
    public async Task Edits_reopens_and_setting_the_same_status_again_stage_nothing()
    {
        var id = await CreateWithRequesterAsync();
        await MoveAsync(id, "RESOLVED");

        await MoveAsync(id, "RESOLVED"); // a no-op 200
        await MoveAsync(id, "OPEN");
        var edited = await PatchJsonAsync($"/api/tickets/{id}/", """{"title":"Email outage, again"}""");

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(["resolved"], (await MailHostFactory.OutboxAsync(Client)).Select(m => (string)m["kind"]!));
    }

    [Fact]
    public async Task Concurrent_resolves_of_one_ticket_stage_exactly_one_notice()
    {
        var id = await CreateWithRequesterAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}""")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await MailHostFactory.OutboxAsync(Client));
    }

    [Fact]
    public async Task A_resolve_refused_by_If_Match_stages_nothing()
    {
        var id = await CreateWithRequesterAsync();

        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/tickets/{id}/") { Content = JsonContent.Create(new { resolution_status = "RESOLVED" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Empty(await MailHostFactory.OutboxAsync(Client));
    }

    [Fact]
    public async Task A_reply_staged_in_a_committed_transaction_is_queued_with_its_body()
    {
        var id = await CreateWithRequesterAsync("Café menu wrong");

        await StageReplyAsync(id, "Bonjour Dana,\n\nLe menu est corrigé.\n.\nMerci", commit: true);
        var mail = Assert.Single(await MailHostFactory.OutboxAsync(Client));

        Assert.Equal("reply", (string)mail["kind"]!);
        Assert.Equal("Bonjour Dana,\n\nLe menu est corrigé.\n.\nMerci", (string)mail["body"]!);
        Assert.Equal($"[#{id}] Café menu wrong", (string)mail["subject"]!);
        Assert.Matches($@"^<ticket-{id}\.reply\.[0-9a-f]{{32}}@", (string)mail["message_id"]!);
    }

    [Fact]
    public async Task A_reply_staged_in_a_transaction_that_rolls_back_leaves_no_mail()
    {
        var id = await CreateWithRequesterAsync();

        await StageReplyAsync(id, "Never approved.", commit: false);

        Assert.Empty(await MailHostFactory.OutboxAsync(Client));
    }

    /// <summary>As the draft approval will: the reply message and its mail in one transaction.</summary>
    private async Task StageReplyAsync(long ticketId, string body, bool commit)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticketId);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var reply = new TicketMessageEntity
        {
            TicketId = ticketId, Kind = TicketMessageKinds.Reply, Author = "agent", Body = body,
            Created = DateTime.UtcNow, Channel = TicketMessageChannels.Rest,
        };
        db.Messages.Add(reply);
        outbox.StageReply(db, ticket, reply);
        await db.SaveChangesAsync();
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }
        db.ChangeTracker.Clear();
    }
}

public sealed class OutboxStagingOnSqliteTests() : OutboxStagingTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class OutboxStagingOnPostgresTests(PostgresServer server) : OutboxStagingTests(server);
