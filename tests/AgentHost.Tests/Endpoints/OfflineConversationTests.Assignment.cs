using AgentHost.Tests.Support;

namespace AgentHost.Tests.Endpoints;

/// <summary>Assignment in the chat with no key (docs/accounts.md, "Assignment"): the local admin is "me".</summary>
public partial class OfflineConversationTests
{
    [Fact]
    public async Task Assign_to_me_then_my_queue_lists_it_and_unassign_empties_it()
    {
        await using var factory = new AgentHostFactory().Started();
        var client = factory.CreateClient();
        await SayAsync(client, "Create a ticket about email failures");
        await SayAsync(client, "Create a ticket about a broken printer");

        var (frames, assigned, _) = await SayAsync(client, "assign 1 to me");
        var (_, queue, _) = await SayAsync(client, "what's assigned to me?");
        await SayAsync(client, "unassign 1");
        var (_, empty, _) = await SayAsync(client, "show my queue");

        Assert.Equal(["assign_ticket:succeeded"], Tools(frames));
        Assert.Contains("assigned to Local admin", assigned);
        Assert.Contains("#1 Email failures", queue);
        Assert.DoesNotContain("#2", queue);
        Assert.DoesNotContain("#1 Email failures", empty);
    }
}
