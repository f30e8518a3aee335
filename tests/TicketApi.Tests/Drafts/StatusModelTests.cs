using TicketApi.Drafts;
using TicketApi.Drafts.Writing;
using TicketApi.KnowledgeBase;

namespace TicketApi.Tests.Drafts;

/// <summary>The learned FINAL-or-follow-up decision (docs/drafts.md, "Writing a draft: FINAL or NEEDS_FOLLOW_UP").</summary>
public sealed class StatusModelTests
{
    private static readonly LabelledTicket[] Examples =
    [
        Labelled("paper stuck in the tray, I can see the sheet crumpled", "printer-jam", SolutionStatuses.Final),
        Labelled("printer says paper jam on the front panel since this morning", "printer-jam", SolutionStatuses.Final),
        Labelled("the whole accounts floor cannot print, every printer shows a jam", "printer-jam", SolutionStatuses.NeedsFollowUp),
        Labelled("whole floor printer jam again, nobody on the floor can print", "printer-jam", SolutionStatuses.NeedsFollowUp),
        Labelled("refund never came back to my card, it has been weeks", "refund-status", SolutionStatuses.NeedsFollowUp),
        Labelled("where is my refund, still nothing on my card", "refund-status", SolutionStatuses.NeedsFollowUp),
    ];

    [Fact]
    public void Words_that_labelled_follow_up_tickets_share_make_a_new_ticket_follow_up_and_the_others_final()
    {
        var model = StatusModel.Train(Examples);

        Assert.True(model.FinalProbability("paper crumpled in the tray of the printer", "printer-jam") > 0.5);
        Assert.True(model.FinalProbability("nobody on our floor can print at all", "printer-jam") < 0.5);
    }

    [Fact]
    public void An_article_whose_labelled_tickets_were_all_follow_up_leans_a_neutral_ticket_to_follow_up()
    {
        var model = StatusModel.Train(Examples);

        Assert.True(model.FinalProbability("hello", "refund-status") < model.FinalProbability("hello", "printer-jam"));
    }

    [Fact]
    public void Tickets_no_article_answers_teach_nothing_and_unseen_words_say_nothing()
    {
        var model = StatusModel.Train([.. Examples, Labelled("the whole office wants pizza on friday", null, SolutionStatuses.NeedsFollowUp)]);
        var without = StatusModel.Train(Examples);

        Assert.Equal(without.FinalProbability("pizza for the office", null), model.FinalProbability("pizza for the office", null), 12);
        Assert.Equal(without.FinalProbability("zzz qqq", null), model.FinalProbability("xyzzy plugh", null), 12);
    }

    [Fact]
    public void The_service_learns_the_status_from_the_embedded_sets()
    {
        var model = StatusModel.FromEmbedded();

        var probability = model.FinalProbability("printer", "printer-jam");

        Assert.InRange(probability, 0, 1);
    }

    [Fact]
    public void A_confident_match_the_status_model_doubts_is_drafted_as_follow_up_with_questions()
    {
        var article = new Article(1, "printer-jam", "Printer paper jam", "HARDWARE", ["printer", "paper", "jam"],
            "## Steps\n1. Open the front tray and pull the stuck paper out gently.", "- Likely cause: staff only.", DateTime.UnixEpoch, DateTime.UnixEpoch, 1);
        const string text = "Paper jam in the printer on the second floor since 9:30 this morning, the Windows laptop says error 'paper jam in tray 2' when I print";
        var facts = TicketFacts.Of(text);
        ScoredArticle[] found = [new(article, 10, ["printer", "paper", "jam"], 0.5)];
        var now = DateTime.UtcNow;
        var subject = new DraftSubject(new TicketApi.Contracts.TicketDto(0, "Paper jam", text, now, now, TicketApi.Contracts.TicketStatus.Open), []);

        var sure = OfflineDraftWriter.Compose(subject, new DraftEvidence(found, ArticleFit.Confident, null, facts, 1, FinalProbability: 0.99));
        var doubtful = OfflineDraftWriter.Compose(subject, new DraftEvidence(found, ArticleFit.Confident, null, facts, 1, FinalProbability: 0.9));

        Assert.Equal(SolutionStatuses.Final, sure.SolutionStatus);
        Assert.Equal(SolutionStatuses.NeedsFollowUp, doubtful.SolutionStatus);
        Assert.NotEmpty(doubtful.FollowUpQuestions);
    }

    private static LabelledTicket Labelled(string text, string? article, string status) => new("t", text, "", article, status);
}
