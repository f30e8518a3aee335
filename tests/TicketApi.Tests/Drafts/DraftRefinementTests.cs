using TicketApi.Drafts;
using TicketApi.Drafts.Writing;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Drafts;

/// <summary>Refinements understood offline, on both stores (docs/drafts.md, "Writing a draft: refinements").</summary>
public abstract class DraftRefinementTests(TicketStoreFixture store) : DraftWriterTest(store)
{
    private async Task<(DraftContent Current, DraftContent Refined)> RefineAsync(string instruction, string title = VpnTitle, string description = VpnDescription)
    {
        var current = await DraftAsync(title, description);
        var refined = await Writer.RefineAsync(Subject(title, description), current, instruction, null, CancellationToken.None);
        return (current, refined);
    }

    [Theory]
    [InlineData("make it shorter")]
    [InlineData("More concise please")]
    public async Task Shorter_keeps_the_greeting_the_first_steps_and_the_sign_off(string instruction)
    {
        var (current, refined) = await RefineAsync(instruction);

        Assert.True(refined.Reply.Length < current.Reply.Length * 0.8, refined.Reply);
        Assert.StartsWith("Hi Dana,", refined.Reply, StringComparison.Ordinal);
        Assert.Contains("1. Note when it drops: every few minutes, after a fixed time, or only on video calls.", refined.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("5. ", refined.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain(ReplyComposer.Thanks, refined.Reply, StringComparison.Ordinal);
        Assert.EndsWith(ReplyComposer.SignOff, refined.Reply, StringComparison.Ordinal);
        Assert.Null(refined.Remark);
        Assert.Equal(current.SolutionStatus, refined.SolutionStatus);
        Assert.Equal(current.Sources, refined.Sources);
    }

    [Fact]
    public async Task Shorter_keeps_every_follow_up_question()
    {
        var (current, refined) = await RefineAsync("shorter", "vpn", "not working");
        Assert.All(current.FollowUpQuestions, q => Assert.Contains(q, refined.Reply, StringComparison.Ordinal));
    }

    [Fact]
    public async Task More_formal_changes_greeting_thanks_contractions_and_sign_off()
    {
        var (_, refined) = await RefineAsync("make it more formal");

        Assert.StartsWith("Dear Dana,", refined.Reply, StringComparison.Ordinal);
        Assert.Contains("Thank you for contacting us.", refined.Reply, StringComparison.Ordinal);
        Assert.Contains("Kind regards,", refined.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("n't", refined.Reply, StringComparison.Ordinal);
        Assert.Null(refined.Remark);
    }

    [Fact]
    public async Task Friendlier_warms_the_greeting_and_offers_help()
    {
        var current = await DraftAsync(VpnTitle, VpnDescription);
        var formal = await Writer.RefineAsync(Subject(VpnTitle, VpnDescription), current, "more formal", null, CancellationToken.None);
        var friendly = await Writer.RefineAsync(Subject(VpnTitle, VpnDescription), formal, "friendlier", null, CancellationToken.None);

        Assert.StartsWith("Hi Dana,", friendly.Reply, StringComparison.Ordinal);
        Assert.Contains("Thanks so much for getting in touch.", friendly.Reply, StringComparison.Ordinal);
        Assert.Contains("just reply here", friendly.Reply, StringComparison.Ordinal);
        Assert.Contains("Best wishes,", friendly.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_detail_about_a_topic_adds_that_articles_steps_and_cites_it()
    {
        var (current, refined) = await RefineAsync("add more detail about resetting a forgotten password");

        Assert.Contains("About reset a forgotten or expired password:", refined.Reply, StringComparison.Ordinal);
        Assert.Contains("passwordreset.microsoftonline.com", refined.Reply, StringComparison.Ordinal);
        Assert.Equal(current.Sources.Count + 1, refined.Sources.Count);
        Assert.Equal("password-reset", await SlugOfAsync(refined.Sources[^1]));
        Assert.Contains("password-reset", refined.TechInstructions, StringComparison.Ordinal);
        Assert.True(refined.Reply.IndexOf("passwordreset", StringComparison.Ordinal) < refined.Reply.IndexOf(ReplyComposer.SignOff, StringComparison.Ordinal));
        Assert.Null(refined.Remark);
    }

    [Fact]
    public async Task Several_refinements_in_one_instruction_all_apply()
    {
        var (current, refined) = await RefineAsync("include steps for the printer offline queue, make it more formal and shorter");

        Assert.StartsWith("Dear Dana,", refined.Reply, StringComparison.Ordinal);
        Assert.Contains("About printer shows offline", refined.Reply, StringComparison.Ordinal);
        Assert.Contains("Kind regards,", refined.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank you for contacting us.", refined.Reply, StringComparison.Ordinal);
        Assert.True(refined.Sources.Count > current.Sources.Count);
        Assert.Null(refined.Remark);
    }

    [Fact]
    public async Task An_instruction_it_cannot_apply_is_named_in_the_remark_and_the_rest_still_applies()
    {
        var (current, refined) = await RefineAsync("translate to French and make it more formal");

        Assert.NotNull(refined.Remark);
        Assert.StartsWith("I could not apply 'translate to French' offline", refined.Remark, StringComparison.Ordinal);
        Assert.StartsWith("Dear Dana,", refined.Reply, StringComparison.Ordinal);
        Assert.NotEqual(current.Reply, refined.Reply);
    }

    [Fact]
    public async Task Detail_about_a_topic_the_knowledge_base_lacks_is_named_in_the_remark()
    {
        var (current, refined) = await RefineAsync("add more detail about xylophone tuning");

        Assert.Equal(current.Reply, refined.Reply);
        Assert.Contains("no knowledge-base article about 'xylophone tuning'", refined.Remark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refinement_of_a_persons_edit_keeps_their_words()
    {
        var current = await DraftAsync(VpnTitle, VpnDescription);
        var edited = current with { Reply = "Hi Dana,\n\nI can't see the logs yet, but I'll call you at 3pm today.\n\nBest regards,\nThe support team" };

        var refined = await Writer.RefineAsync(Subject(VpnTitle, VpnDescription), edited, "more formal", null, CancellationToken.None);

        Assert.Equal("Dear Dana,\n\nI cannot see the logs yet, but I will call you at 3pm today.\n\nKind regards,\nThe support team", refined.Reply);
    }

    [Fact]
    public async Task The_refined_reply_streams_in_pieces_that_concatenate_to_it()
    {
        var current = await DraftAsync(VpnTitle, VpnDescription);
        var pieces = new List<string>();
        var refined = await Writer.RefineAsync(Subject(VpnTitle, VpnDescription), current, "shorter", (p, _) =>
        {
            pieces.Add(p);
            return ValueTask.CompletedTask;
        }, CancellationToken.None);
        Assert.Equal(refined.Reply, string.Concat(pieces));
    }
}

public sealed class DraftRefinementOnSqliteTests() : DraftRefinementTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class DraftRefinementOnPostgresTests(PostgresServer server) : DraftRefinementTests(server);
