using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TicketApi.Tests.Mail.Infrastructure;

/// <summary>
/// The ticket service in memory with mail settings and the real clock (retries and leases run on real time),
/// on a database the test owns, so two of them can share one database as two hosts would.
/// </summary>
public sealed class MailHostFactory(string connectionString, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>Settings for a sender that retries fast: what the tests wait for takes a second, not minutes.</summary>
    public static Dictionary<string, string?> FastSender(int smtpPort) => new()
    {
        ["SMTP_HOST"] = "127.0.0.1",
        ["SMTP_PORT"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SMTP_FROM"] = "Help Desk <help@desk.example>",
        ["SMTP_TIMEOUT_SECONDS"] = "5",
        ["OUTBOX_LEASE_SECONDS"] = "10",
        ["OUTBOX_RETRY_SECONDS"] = "0.2",
        ["OUTBOX_RETRY_MAX_SECONDS"] = "0.5",
        ["OUTBOX_POLL_SECONDS"] = "1",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Tickets", connectionString);
        builder.UseSetting("TRIAGE_MODEL", "off");
        builder.UseEnvironment("Testing");
        foreach (var (name, value) in settings)
        {
            builder.UseSetting(name, value);
        }
    }

    /// <summary>Creates a ticket with a requester and resolves it: the notice is staged with the move.</summary>
    public static async Task<long> ResolveTicketAsync(HttpClient client, string title, string email = "dana@example.com", string name = "Dana Scully")
    {
        var created = await client.PostAsJsonAsync("/api/tickets/", new { title, description = "Details.", requester_email = email, requester_name = name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        var resolved = await client.PatchAsJsonAsync($"/api/tickets/{id}/", new { resolution_status = "RESOLVED" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        return id;
    }

    /// <summary>The outbox's mails (newest first), all of them.</summary>
    public static async Task<List<JsonObject>> OutboxAsync(HttpClient client, string query = "")
    {
        var page = JsonNode.Parse(await client.GetStringAsync("/api/outbox/?page_size=100" + query))!;
        return page["results"]!.AsArray().Select(m => m!.AsObject()).ToList();
    }

    /// <summary>Polls the outbox until <paramref name="done"/> holds for its mails, or fails showing them.</summary>
    public static async Task<List<JsonObject>> WaitForOutboxAsync(HttpClient client, Func<List<JsonObject>, bool> done, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var mails = await OutboxAsync(client);
            if (done(mails))
            {
                return mails;
            }
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; the outbox: {string.Join("\n", mails.Select(m => m.ToJsonString()))}");
            await Task.Delay(50);
        }
    }
}
