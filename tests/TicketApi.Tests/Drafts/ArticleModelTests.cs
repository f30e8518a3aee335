using TicketApi.Drafts;
using TicketApi.Drafts.Writing;
using TicketApi.KnowledgeBase;

namespace TicketApi.Tests.Drafts;

/// <summary>The learned half of the drafter's article choice (docs/drafts.md, "Writing a draft: retrieval").</summary>
public sealed class ArticleModelTests
{
    private static readonly Article Printer = ArticleOf(1, "printer-jam", "Printer paper jam", ["printer", "paper", "jam"],
        "## Steps\n1. Open the front tray and pull the stuck paper out gently.\n2. Close the tray and print a test page.");

    private static readonly Article Vpn = ArticleOf(2, "vpn-drops", "VPN drops every few minutes", ["vpn", "disconnect"],
        "## Steps\n1. Move closer to the router or use a cable.\n2. Reconnect the VPN client.");

    [Fact]
    public void A_requesters_words_the_article_never_uses_lead_to_it_once_a_labelled_ticket_taught_them()
    {
        const string ticket = "the globe gadget in the corner keeps throwing me off the office systems";
        var untaught = ArticleModel.Train([Printer, Vpn], []);
        var taught = ArticleModel.Train([Printer, Vpn], [Labelled("the globe gadget throws me off", "vpn-drops")]);

        Assert.Equal(0.5, untaught.Posterior(ticket)["vpn-drops"], 3);
        Assert.True(taught.Posterior(ticket)["vpn-drops"] > 0.9);
    }

    [Fact]
    public void An_articles_own_title_tags_and_steps_teach_its_class_without_any_labelled_ticket()
    {
        var model = ArticleModel.Train([Printer, Vpn], []);

        var posterior = model.Posterior("paper stuck in the printer tray");

        Assert.True(posterior["printer-jam"] > posterior["vpn-drops"]);
        Assert.Equal(1, posterior.Values.Sum(), 6);
    }

    [Fact]
    public void Tickets_no_article_answers_form_a_class_of_their_own()
    {
        var model = ArticleModel.Train([Printer, Vpn], [Labelled("parking permit for the car park", null)]);

        Assert.Equal([ArticleModel.NoArticle, "printer-jam", "vpn-drops"], model.Classes);
        Assert.Equal(ArticleModel.NoArticle, model.Posterior("renew my car park permit").MaxBy(p => p.Value).Key);
    }

    [Fact]
    public void The_service_learns_from_the_six_named_sets_and_every_starter_article_and_never_from_another_set()
    {
        var names = typeof(ArticleModel).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("TicketApi.Drafts.Training.", StringComparison.Ordinal));
        var model = ArticleModel.FromEmbedded();

        Assert.Equal(["blind-1.jsonl", "blind-2.jsonl", "blind-3.jsonl", "blind-4.jsonl", "blind-5.jsonl", "dev.jsonl"], names.Select(n => n["TicketApi.Drafts.Training.".Length..]).Order(StringComparer.Ordinal));
        Assert.Equal(376, DraftTrainingSet.LoadEmbedded().Count);
        Assert.Equal(26, model.Classes.Count); // 25 starter articles and "none"
    }

    [Theory]
    [InlineData("""{"id":"x","title":"t","description":"d","article":null,"solution_status":"MAYBE"}""")]
    [InlineData("""{"id":"x","description":"d","article":null,"solution_status":"FINAL"}""")]
    [InlineData("[1, 2]")]
    public void A_labelled_line_without_a_title_description_or_known_status_is_refused_with_its_line_number(string line)
    {
        var error = Assert.ThrowsAny<Exception>(() => DraftTrainingSet.Parse(new StringReader("\n" + line), "set.jsonl"));

        Assert.True(error is InvalidDataException or System.Text.Json.JsonException, error.GetType().Name);
        if (error is InvalidDataException)
        {
            Assert.StartsWith("set.jsonl:2:", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_model_picks_among_the_search_candidates_and_its_certainty_makes_the_fit_confident()
    {
        var terms = SearchTerms.From("printer vpn paper jam disconnect tray router");
        ScoredArticle[] found = [new(Printer, 10, ["printer"], 0.6), new(Vpn, 9.5, ["vpn"], 0.5)];

        var bySearch = DraftRetrieval.Decide(found, terms, ArticleReading.RankingOnly(new Dictionary<string, double>()), null, TicketFacts.Of("x"));
        var withModel = DraftRetrieval.Decide(found, terms, ArticleReading.RankingOnly(new Dictionary<string, double> { ["vpn-drops"] = 0.9, ["printer-jam"] = 0.1 }), null, TicketFacts.Of("x"));

        Assert.Equal("printer-jam", bySearch.Best?.Article.Slug);
        Assert.Equal("vpn-drops", withModel.Best?.Article.Slug);
        Assert.Equal(ArticleFit.Confident, withModel.Fit);
        Assert.Equal(0.9, withModel.ModelConfidence);
    }

    [Fact]
    public void A_model_that_learnt_no_ticket_without_an_article_never_makes_one_fit_where_the_search_finds_none()
    {
        var terms = SearchTerms.From("my desk chair backrest wobbles and squeaks loudly every day");
        ScoredArticle[] found = [new(Printer, 1, ["every"], 0.05)];

        var evidence = DraftRetrieval.Decide(found, terms, ArticleReading.RankingOnly(new Dictionary<string, double> { ["printer-jam"] = 1 }), null, TicketFacts.Of("x"));

        Assert.Equal(ArticleFit.None, evidence.Fit);
        Assert.Null(evidence.Best);
    }

    [Fact]
    public void A_search_hit_whose_article_does_not_explain_the_ticket_better_than_the_no_article_class_is_dropped()
    {
        var terms = SearchTerms.From("printer vpn paper jam disconnect tray router");
        ScoredArticle[] found = [new(Printer, 10, ["printer"], 0.6), new(Vpn, 9.5, ["vpn"], 0.5)];
        var posterior = new Dictionary<string, double> { [ArticleModel.NoArticle] = 0.2, ["printer-jam"] = 0.7, ["vpn-drops"] = 0.1 };

        var barely = DraftRetrieval.Decide(found, terms, Reading(posterior, DraftRetrieval.MinExplanation - 0.01, lead: 1), null, TicketFacts.Of("x"));
        var enough = DraftRetrieval.Decide(found, terms, Reading(posterior, DraftRetrieval.MinExplanation, lead: 1), null, TicketFacts.Of("x"));

        Assert.Equal(ArticleFit.None, barely.Fit);
        Assert.Null(barely.Best);
        Assert.Equal("printer-jam", enough.Best?.Article.Slug);
    }

    [Fact]
    public void The_no_article_class_being_likeliest_is_no_veto_by_itself_when_the_chosen_article_explains_the_ticket()
    {
        var terms = SearchTerms.From("printer vpn paper jam disconnect tray router");
        ScoredArticle[] found = [new(Printer, 10, ["printer"], 0.6), new(Vpn, 9.5, ["vpn"], 0.5)];
        var posterior = new Dictionary<string, double> { [ArticleModel.NoArticle] = 0.5, ["printer-jam"] = 0.3, ["vpn-drops"] = 0.2 };

        var evidence = DraftRetrieval.Decide(found, terms, Reading(posterior, 1.0, lead: 0.4), null, TicketFacts.Of("x"));

        Assert.Equal("printer-jam", evidence.Best?.Article.Slug);
    }

    [Fact]
    public void An_article_the_model_does_not_know_is_judged_by_the_search_alone()
    {
        var terms = SearchTerms.From("printer vpn paper jam disconnect tray router");
        var newcomer = ArticleOf(3, "plotter-ink", "Printer paper jam on the plotter", ["printer", "paper", "jam", "tray"], "## Steps\n1. Open the tray.");
        ScoredArticle[] found = [new(newcomer, 10, ["printer"], 0.6), new(Vpn, 2, ["vpn"], 0.1)];
        var reading = new ArticleReading(new Dictionary<string, double> { [ArticleModel.NoArticle] = 0.9, ["vpn-drops"] = 0.1 },
            new Dictionary<string, double> { ["vpn-drops"] = -1 }, 0);

        var evidence = DraftRetrieval.Decide(found, terms, reading, null, TicketFacts.Of("x"));

        Assert.Equal("plotter-ink", evidence.Best?.Article.Slug);
    }

    [Fact]
    public void Where_the_search_finds_none_the_models_clear_favourite_that_explains_the_ticket_is_cited_as_a_weak_fit()
    {
        var terms = SearchTerms.From("my desk chair backrest wobbles and squeaks loudly every day");
        ScoredArticle[] found = [new(Vpn, 1, ["every"], 0.05), new(Printer, 0.5, ["day"], 0.05)];
        var posterior = new Dictionary<string, double> { [ArticleModel.NoArticle] = 0.01, ["printer-jam"] = 0.98, ["vpn-drops"] = 0.01 };

        var evidence = DraftRetrieval.Decide(found, terms, Reading(posterior, DraftRetrieval.MinExplanation, DraftRetrieval.RescueLead), null, TicketFacts.Of("x"));

        Assert.Equal("printer-jam", evidence.Best?.Article.Slug);
        Assert.Equal(ArticleFit.Weak, evidence.Fit); // however sure the model is: the search found nothing, so the draft asks
        Assert.Equal(0.98, evidence.ModelConfidence);
    }

    [Theory]
    [InlineData(DraftRetrieval.RescueLead - 0.1, DraftRetrieval.MinExplanation, true)] // no clear lead over the next article
    [InlineData(DraftRetrieval.RescueLead, DraftRetrieval.MinExplanation - 0.1, true)] // does not explain the ticket
    [InlineData(DraftRetrieval.RescueLead, DraftRetrieval.MinExplanation, false)] // not among the search's candidates
    public void Where_the_search_finds_none_a_favourite_without_a_clear_lead_an_explanation_or_a_search_hit_leaves_no_article(
        double lead, double explanation, bool favouriteFound)
    {
        var terms = SearchTerms.From("my desk chair backrest wobbles and squeaks loudly every day");
        ScoredArticle[] found = favouriteFound ? [new(Vpn, 1, ["every"], 0.05), new(Printer, 0.5, ["day"], 0.05)] : [new(Vpn, 1, ["every"], 0.05)];
        var posterior = new Dictionary<string, double> { [ArticleModel.NoArticle] = 0.01, ["printer-jam"] = 0.98, ["vpn-drops"] = 0.01 };

        var evidence = DraftRetrieval.Decide(found, terms, Reading(posterior, explanation, lead), null, TicketFacts.Of("x"));

        Assert.Equal(ArticleFit.None, evidence.Fit);
        Assert.Null(evidence.Best);
    }

    [Fact]
    public void A_ticket_sharing_one_word_with_an_article_is_explained_by_the_no_article_class_and_one_about_its_problem_by_the_article()
    {
        var model = ArticleModel.Train([Printer, Vpn],
        [
            Labelled("paper stuck in the printer again, tray jammed", "printer-jam"),
            Labelled("the vpn disconnects when I move away from the router", "vpn-drops"),
            Labelled("please order a new toner cartridge for the printer on floor two", null),
            Labelled("renew my car park permit before it expires", null),
            Labelled("book the large meeting room for the quarterly review", null),
        ]);

        var decoy = model.Read("we need a toner cartridge ordered for the floor two printer");
        var problem = model.Read("the printer has paper jammed in the tray");

        Assert.False(DraftRetrieval.Explains(decoy, "printer-jam"));
        Assert.True(DraftRetrieval.Explains(problem, "printer-jam"));
        Assert.True(problem.Lead > 0);
    }

    [Fact]
    public void A_model_without_tickets_no_article_answers_cannot_say_whether_an_article_explains_a_ticket()
    {
        var model = ArticleModel.Train([Printer, Vpn], [Labelled("paper stuck in the printer again", "printer-jam")]);

        var reading = model.Read("paper stuck in the printer tray");

        Assert.Empty(reading.Explanation);
        Assert.Null(DraftRetrieval.Explains(reading, "printer-jam"));
    }

    private static ArticleReading Reading(Dictionary<string, double> posterior, double explanation, double lead) =>
        new(posterior, posterior.Keys.Where(k => k != ArticleModel.NoArticle).ToDictionary(k => k, k => k == posterior.Where(p => p.Key != ArticleModel.NoArticle).MaxBy(p => p.Value).Key ? explanation : -1.0), lead);

    private static LabelledTicket Labelled(string text, string? article) =>
        new("t", text, "", article, article is null ? SolutionStatuses.NeedsFollowUp : SolutionStatuses.Final);

    private static Article ArticleOf(long id, string slug, string title, IReadOnlyList<string> tags, string body) =>
        new(id, slug, title, "OTHER", tags, body, "- Likely cause: staff only.", DateTime.UnixEpoch, DateTime.UnixEpoch, 1);
}
