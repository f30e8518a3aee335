using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketApi.Tests.Infrastructure;
using TicketApi.Tests.Mail.Infrastructure;

namespace TicketApi.Tests.Mail;

/// <summary>
/// The whole way from a drafted reply to the requester's mailbox (docs/drafts.md, "Sending"; docs/mail.md): the
/// real offline writer, the approval over REST, the outbox and a real SMTP server process. Nothing is mailed
/// before the approval; after it, the reply arrives as written, threaded, with the resolved notice when asked.
/// </summary>
public abstract class ApprovedDraftMailTests(TicketStoreFixture store) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _connectionString = store.CreateDatabase();
    private MailHostFactory? _host;
    private MailDevServer? _server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        store.DropDatabase(_connectionString);
    }

    [Fact]
    public async Task An_approved_draft_reaches_the_requester_as_written_and_a_resolve_adds_the_notice()
    {
        _server = await MailDevServer.StartAsync();
        _host = new MailHostFactory(_connectionString, MailHostFactory.FastSender(_server.SmtpPort));
        var client = _host.CreateClient();
        var created = await client.PostAsJsonAsync("/api/tickets/", new
        {
            title = "VPN drops every few minutes",
            description = "Since this morning my VPN disconnects every 5 minutes when I work from home.",
            requester_name = "Dana Whitfield",
            requester_email = "dana@example.com",
        });
        var id = (long)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;

        var drafted = await client.PostAsJsonAsync($"/api/tickets/{id}/draft", new { });
        var reply = (string)JsonNode.Parse(await drafted.Content.ReadAsStringAsync())!["reply"]!;
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        Assert.Empty(await MailHostFactory.OutboxAsync(client)); // drafting stages nothing

        var sent = await client.PostAsJsonAsync($"/api/tickets/{id}/draft/send", new { resolve = true });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var emails = await _server.WaitForEmailsAsync(2, Patience);
        await MailHostFactory.WaitForOutboxAsync(client, m => m.Count == 2 && m.All(x => (string)x["status"]! == "SENT"), "both mails SENT", Patience);

        var mailed = Assert.Single(emails, e => ((string)e["text"]!).ReplaceLineEndings("\n").TrimEnd('\n') == reply);
        Assert.Equal($"[#{id}] VPN drops every few minutes", (string)mailed["subject"]!);
        Assert.Equal("dana@example.com", (string)mailed["to"]![0]!["address"]!);
        Assert.Equal($"<ticket-{id}@desk.example>", (string)mailed["headers"]!["in-reply-to"]!);
        Assert.Single(emails, e => e != mailed && (string)e["to"]![0]!["address"]! == "dana@example.com");
        var ticket = JsonNode.Parse(await client.GetStringAsync($"/api/tickets/{id}/"))!;
        Assert.Equal("RESOLVED", (string)ticket["resolution_status"]!);
    }
}

public sealed class ApprovedDraftMailOnSqliteTests() : ApprovedDraftMailTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ApprovedDraftMailOnPostgresTests(PostgresServer server) : ApprovedDraftMailTests(server);
