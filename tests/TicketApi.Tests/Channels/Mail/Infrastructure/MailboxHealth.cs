using System.Text.Json.Nodes;

namespace TicketApi.Tests.Channels.Mail.Infrastructure;

/// <summary>The mailbox's entry on <c>/health</c> (docs/channels.md, "Status"), waited for with a deadline.</summary>
public static class MailboxHealth
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Polls <c>/health</c> until the mailbox has finished a poll and <paramref name="done"/> holds for its entry.</summary>
    public static async Task<JsonNode> WaitAsync(HttpClient client, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var health = JsonNode.Parse(await client.GetStringAsync("/health"))!;
            if (health["channels"]?["mailbox"] is { } mailbox && (string?)mailbox["state"] != "starting" && done(mailbox))
            {
                return mailbox;
            }
            Assert.True(DateTime.UtcNow < deadline, $"timed out; /health says {health.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
