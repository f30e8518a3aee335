using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TicketApi.Tests.Infrastructure;
using TicketApi.Tests.Mail.Infrastructure;

namespace TicketApi.Tests.Mail;

/// <summary>
/// The rating link end to end (docs/accounts.md, "Satisfaction"): a ticket is resolved, the notice reaches a real
/// SMTP server (MailDev), and the link read out of the delivered mail opens the form, records the rating, and
/// refuses a second one.
/// </summary>
public abstract partial class RatingLinkMailTests(TicketStoreFixture store) : IAsyncLifetime
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
    public async Task The_resolution_email_carries_a_link_that_rates_the_ticket_once()
    {
        _server = await MailDevServer.StartAsync();
        var settings = MailHostFactory.FastSender(_server.SmtpPort);
        settings["PUBLIC_BASE_URL"] = "http://localhost/";
        _host = new MailHostFactory(_connectionString, settings);
        using var client = _host.CreateClient();

        var id = await MailHostFactory.ResolveTicketAsync(client, "Printer offline", "dana@example.com", "Dana");
        var email = Assert.Single(await _server.WaitForEmailsAsync(1, Patience));
        var link = new Uri(RatingLink().Match((string)email["text"]!).Value);
        Assert.Equal("localhost", link.Host);

        using var page = new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery);
        page.Headers.Accept.ParseAdd("text/html");
        var form = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Printer offline", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var rated = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("score", "4"), new("comment", "Thanks!")]));
        var again = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("score", "5")]));

        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var ticket = JsonNode.Parse(await client.GetStringAsync($"/api/tickets/{id}/"))!;
        Assert.Equal(4, (int)ticket["rating"]!["score"]!);
        Assert.Equal("Thanks!", (string)ticket["rating"]!["comment"]!);
    }

    [GeneratedRegex(@"http://localhost/rate/[A-Za-z0-9_-]+")]
    private static partial Regex RatingLink();
}

public sealed class RatingLinkMailOnSqliteTests() : RatingLinkMailTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class RatingLinkMailOnPostgresTests(PostgresServer server) : RatingLinkMailTests(server);
