using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Channels;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Channels;

/// <summary>The inbound channels' status on <c>/health</c> (docs/channels.md, "Status").</summary>
public sealed class ChannelStatusTests
{
    [Fact]
    public async Task Health_lists_no_channels_when_none_is_configured()
    {
        using var factory = new TicketApiFactory(SqliteStore.Instance);
        using var client = factory.CreateClient();

        var health = JsonNode.Parse(await client.GetStringAsync("/health"))!;

        Assert.Empty(health["channels"]!.AsObject());
    }

    [Fact]
    public async Task Health_shows_each_channels_last_poll_its_error_and_the_imports_added_up()
    {
        using var factory = new TicketApiFactory(SqliteStore.Instance);
        using var client = factory.CreateClient();
        var board = factory.Services.GetRequiredService<ChannelStatusBoard>();
        board.Register("freshdesk");
        board.Register("mailbox");
        board.ReportSuccess("mailbox", 2, ignored: 1);
        board.ReportFailure("mailbox", "IMAP login refused", imported: 1, ignored: 3);

        var channels = JsonNode.Parse(await client.GetStringAsync("/health"))!["channels"]!;

        Assert.Equal("starting", (string)channels["freshdesk"]!["state"]!);
        Assert.Null(channels["freshdesk"]!["last_poll_at"]);
        var mailbox = channels["mailbox"]!;
        Assert.Equal("failing", (string)mailbox["state"]!);
        Assert.Equal("IMAP login refused", (string)mailbox["last_error"]!);
        Assert.Equal(3, (long)mailbox["imported"]!);
        Assert.Equal(4, (long)mailbox["ignored"]!);
        Assert.Equal(0, (long)channels["freshdesk"]!["ignored"]!);
        Assert.NotNull(mailbox["last_success_at"]);
        Assert.True((DateTime)mailbox["last_poll_at"]! >= (DateTime)mailbox["last_success_at"]!);
    }
}
