using System.Text.Json.Nodes;

namespace TicketApi.Tests.Channels.Mail.Infrastructure;

/// <summary>The tickets a mailbox host has filed, read over its REST API and waited for with a deadline.</summary>
public static class MailboxTickets
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Every ticket (up to 100), newest first.</summary>
    public static async Task<List<JsonObject>> TicketsAsync(HttpClient client)
    {
        var page = JsonNode.Parse(await client.GetStringAsync("/api/tickets/?page_size=100"))!;
        return page["results"]!.AsArray().Select(t => t!.AsObject()).ToList();
    }

    /// <summary>Polls until at least <paramref name="count"/> tickets exist (newest first); a timeout says what the mailbox reports on /health.</summary>
    public static async Task<List<JsonObject>> WaitForTicketsAsync(HttpClient client, int count = 1)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var tickets = await TicketsAsync(client);
            if (tickets.Count >= count)
            {
                return tickets;
            }
            var mailbox = JsonNode.Parse(await client.GetStringAsync("/health"))!["channels"]?["mailbox"];
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {count} ticket(s); the mailbox: {mailbox?.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
