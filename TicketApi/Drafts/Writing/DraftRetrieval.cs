using System.Text;
using System.Text.RegularExpressions;
using TicketApi.Contracts;
using TicketApi.KnowledgeBase;

namespace TicketApi.Drafts.Writing;

/// <summary>How well the best article fits (docs/drafts.md, "Writing a draft: FINAL or NEEDS_FOLLOW_UP").</summary>
public enum ArticleFit
{
    /// <summary>No article answers this ticket: the draft cites none and asks.</summary>
    None,

    /// <summary>The best article may answer it: cited, but the draft asks before it claims a fix.</summary>
    Weak,

    /// <summary>The best article answers it.</summary>
    Confident,
}

/// <summary>What a draft rests on: the ranked articles, earlier resolved tickets' replies, and what the ticket states.</summary>
/// <param name="Articles">Best first, as the writer ranks them (search and the learned model together).</param>
/// <param name="ModelConfidence">The learned model's probability that the first article answers the ticket (0 when it does not know the article).</param>
/// <param name="FinalProbability">The learned <see cref="StatusModel"/>'s probability that the chosen article settles the ticket (1: no model asked).</param>
public sealed record DraftEvidence(
    IReadOnlyList<ScoredArticle> Articles,
    ArticleFit Fit,
    SimilarReply? SimilarTicket,
    TicketFacts Facts,
    double ModelConfidence = 0,
    double FinalProbability = 1)
{
    public ScoredArticle? Best => Fit == ArticleFit.None ? null : Articles[0];
}

/// <summary>
/// Retrieval for a draft (docs/drafts.md, "Writing a draft: retrieval"): the knowledge base and the sent
/// replies of earlier resolved tickets, both ranked against the ticket's title, description and the
/// requester's later messages (never staff notes or replies: they are not the requester's problem).
/// Whether any article fits is decided from store-independent measures (which ticket terms the article's title
/// and tags hold, the share of the ticket it covers, the store's score only as a ratio to the runner-up, and how
/// well the learned <see cref="ArticleModel"/> says the article explains the ticket), so both stores decide alike;
/// which article it is, from the search and the model together.
/// </summary>
public sealed partial class DraftRetrieval(KnowledgeBaseSearch knowledgeBase, ResolvedReplySearch replies, ArticleModel model, StatusModel statusModel)
{
    /// <summary>Below this share of the ticket's terms an article is no answer unless its title or tags name the problem.</summary>
    public const double MinCoverage = 0.15;

    /// <summary>A confident match covers at least this share of the ticket's terms ...</summary>
    public const double ConfidentCoverage = 0.25;

    /// <summary>... and leads the runner-up by this score ratio, or by more title/tag terms.</summary>
    public const double ConfidentMargin = 1.15;

    /// <summary>A store score this many times the runner-up's is a lead even on a thin overlap.</summary>
    public const double ClearLead = 2.0;

    /// <summary>An earlier ticket's reply is cited when it covers this share of the ticket's terms.</summary>
    public const double SimilarReplyCoverage = 0.3;

    /// <summary>The search's best this many decide whether any article fits (<see cref="FitOf"/>).</summary>
    private const int FitCandidates = KnowledgeBaseSearch.DefaultLimit;

    /// <summary>The search's best this many are the articles the learned model may choose among.</summary>
    public const int Candidates = 10;

    /// <summary>What the model's probability for an article counts for against its relative search score (0-1, plus title/tag terms).</summary>
    public const double ModelWeight = 2;

    /// <summary>A model this sure of the chosen article makes the fit confident even where the search alone was not.</summary>
    public const double ConfidentModel = 0.5;

    public async Task<DraftEvidence> FindAsync(DraftSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var ticket = subject.Ticket;
        var details = RequesterText(subject);
        var text = ticket.Title + "\n" + details;
        var terms = SearchTerms.From(text);
        var found = await knowledgeBase.ForTicketAsync(ticket.Title, details, Candidates, cancellationToken);
        var similar = (await replies.RankAsync(PrecedentTerms(ticket.Title, terms), ticket.Id, 1, cancellationToken))
            .FirstOrDefault(r => Coverage(terms, r.TicketTitle + "\n" + r.Body) >= SimilarReplyCoverage);
        var evidence = Decide(found, terms, model.Read(text), similar, TicketFacts.Of(text));
        return evidence with { FinalProbability = statusModel.FinalProbability(text, evidence.Best?.Article.Slug) };
    }

    /// <summary>
    /// Whether an article fits and which (docs/drafts.md, "Fit"). The search proposes (<see cref="FitOf"/> over its best
    /// <see cref="FitCandidates"/>, re-ranked); the combined ranking (the search's relative score plus
    /// <see cref="ModelWeight"/> times the model's probability) chooses; and the chosen article is kept only when it
    /// explains the ticket (<see cref="Explains"/>). Where the search proposes nothing, the model's own likeliest
    /// article is still taken when it explains the ticket and clearly leads the other articles (<see cref="RescueLead"/>),
    /// but only as a weak fit: the draft cites it and asks. Confident when the search alone was confident of that same
    /// article or the model is <see cref="ConfidentModel"/> sure of it.
    /// </summary>
    /// <param name="found">The search's candidates, in its order.</param>
    /// <param name="reading">What the learned model makes of the ticket (<see cref="ArticleModel.Read"/>).</param>
    public static DraftEvidence Decide(IReadOnlyList<ScoredArticle> found, IReadOnlyList<SearchTerm> terms,
        ArticleReading reading, SimilarReply? similar, TicketFacts facts)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(reading);
        var bySearch = Rerank(found.Take(FitCandidates).ToList(), terms);
        var fit = FitOf(bySearch, terms);
        if (found.Count == 0)
        {
            return new DraftEvidence(bySearch, ArticleFit.None, similar, facts);
        }
        var top = Math.Max(found.Max(a => a.Score), double.Epsilon);
        var ranked = found.Select((a, i) => (a, i, Value: a.Score / top + KeyTermWeight * KeyTerms(a.Article, terms) + ModelWeight * reading.Posterior.GetValueOrDefault(a.Article.Slug)))
            .OrderByDescending(x => x.Value).ThenBy(x => x.i).Select(x => x.a).ToList();
        if (fit == ArticleFit.None)
        {
            return Rescued(ranked, reading) is { } rescued
                ? new DraftEvidence(rescued.Take(FitCandidates).ToList(), ArticleFit.Weak, similar, facts, reading.Posterior.GetValueOrDefault(rescued[0].Article.Slug))
                : new DraftEvidence(bySearch, ArticleFit.None, similar, facts);
        }
        var chosen = ranked[0];
        if (Explains(reading, chosen.Article.Slug) == false)
        {
            return new DraftEvidence(bySearch, ArticleFit.None, similar, facts);
        }
        var confidence = reading.Posterior.GetValueOrDefault(chosen.Article.Slug);
        var confident = fit == ArticleFit.Confident && chosen.Article.Id == bySearch[0].Article.Id || confidence >= ConfidentModel;
        return new DraftEvidence(ranked.Take(FitCandidates).ToList(), confident ? ArticleFit.Confident : ArticleFit.Weak, similar, facts, confidence); // as many as before for a model's prompt
    }

    /// <summary>
    /// The article's class must make the ticket's known words on average this much likelier (nats per feature; e^0.4,
    /// about 1.5 times) than the class of tickets no article answers does. A decoy shares a few of an article's words,
    /// and the rest of it reads like the requests the starter set does not cover. Leave-one-set-out over the five sets
    /// (eval/drafts/RESULTS.md): 0.3-0.45 score alike, and each fold, choosing on the other four, chose 0.4.
    /// </summary>
    public const double MinExplanation = 0.4;

    /// <summary>
    /// Where the search proposes nothing, the model's likeliest article must lead the next article by this much (nats;
    /// e^5, about 150 times likelier) as well as explain the ticket: its words are the requesters' own, not the
    /// article's. 3-10 scored alike in leave-one-set-out.
    /// </summary>
    public const double RescueLead = 5;

    /// <summary>
    /// Whether the article explains the ticket (<see cref="MinExplanation"/>); null when the model cannot say (it
    /// learnt no "no article fits" tickets, or does not know the article): then the search alone decides.
    /// </summary>
    public static bool? Explains(ArticleReading reading, string slug)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.Explanation.TryGetValue(slug, out var explanation) ? explanation >= MinExplanation : null;
    }

    /// <summary>
    /// The candidates with the model's likeliest article first, when the search found no fit but the model both
    /// explains the ticket with that article and clearly prefers it to every other (<see cref="RescueLead"/>); else null.
    /// </summary>
    private static List<ScoredArticle>? Rescued(List<ScoredArticle> ranked, ArticleReading reading)
    {
        var likeliest = reading.Posterior.Where(p => p.Key != ArticleModel.NoArticle).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key).FirstOrDefault();
        var candidate = ranked.FindIndex(a => a.Article.Slug == likeliest);
        if (likeliest is null || candidate < 0 || Explains(reading, likeliest) != true || reading.Lead < RescueLead)
        {
            return null;
        }
        return ranked.Skip(candidate).Take(1).Concat(ranked.Where((_, i) => i != candidate)).ToList();
    }

    /// <summary>
    /// What an earlier reply must hold to be a precedent: the title's terms (what the ticket is about), at most
    /// <see cref="PrecedentTermCount"/> of them; a title with fewer than two salient words takes the text's first ones.
    /// </summary>
    public static IReadOnlyList<SearchTerm> PrecedentTerms(string title, IReadOnlyList<SearchTerm> textTerms)
    {
        var titleTerms = SearchTerms.From(title);
        return (titleTerms.Count >= 2 ? titleTerms : textTerms).Take(PrecedentTermCount).ToList();
    }

    /// <summary>More ANDed terms than this would rarely all appear in one reply.</summary>
    public const int PrecedentTermCount = 3;

    /// <summary>The description and the requester's later messages: what the requester has said so far.</summary>
    public static string RequesterText(DraftSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var text = new StringBuilder(subject.Ticket.Description);
        foreach (var message in subject.Thread.Where(m => m.Kind == TicketMessageKinds.Customer && m.Body != subject.Ticket.Description))
        {
            text.Append('\n').Append(message.Body);
        }
        return text.ToString();
    }

    /// <summary>
    /// The candidates in the order the writer trusts: the store's score relative to the best (so scales do not
    /// matter) plus <see cref="KeyTermWeight"/> for each ticket term the title or tags hold (what an article is
    /// about outweighs a word its body happens to share with the ticket).
    /// </summary>
    public static IReadOnlyList<ScoredArticle> Rerank(IReadOnlyList<ScoredArticle> articles, IReadOnlyList<SearchTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count < 2)
        {
            return articles;
        }
        var top = Math.Max(articles.Max(a => a.Score), double.Epsilon);
        return articles.Select((a, i) => (a, i, Value: a.Score / top + KeyTermWeight * KeyTerms(a.Article, terms)))
            .OrderByDescending(x => x.Value).ThenBy(x => x.i).Select(x => x.a).ToList();
    }

    /// <summary>What one ticket term in an article's title or tags adds to its relative score.</summary>
    public const double KeyTermWeight = 0.3;

    /// <param name="articles">Reranked (<see cref="Rerank"/>), best first.</param>
    public static ArticleFit FitOf(IReadOnlyList<ScoredArticle> articles, IReadOnlyList<SearchTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
        {
            return ArticleFit.None;
        }
        var best = articles[0];
        var keyTerms = KeyTerms(best.Article, terms);
        // An article whose title and tags name nothing of the ticket fits only when its body covers half the
        // ticket; one shared title word ("new", "portal") is not enough on a thin overlap.
        var runnerUp = articles.Count > 1 ? articles[1] : null;
        // A store score twice the runner-up's with a title or tag word in common is a clear lead, however thin the overlap.
        var clearLead = keyTerms >= 1 && (runnerUp is null || best.Score >= runnerUp.Score * ClearLead);
        if (best.Coverage < MinCoverage || keyTerms == 0 && best.Coverage < 0.5 || keyTerms == 1 && best.Coverage < 0.35 && !clearLead)
        {
            return ArticleFit.None;
        }
        var leads = runnerUp is null || keyTerms > KeyTerms(runnerUp.Article, terms) || best.Score >= runnerUp.Score * ConfidentMargin;
        return keyTerms >= 2 && best.Coverage >= ConfidentCoverage && leads ? ArticleFit.Confident : ArticleFit.Weak;
    }

    /// <summary>How many of the ticket's terms the article's title and tags hold: they say what it is about.</summary>
    public static int KeyTerms(Article article, IReadOnlyList<SearchTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(article);
        var words = Words(article.Title + " " + string.Join(' ', article.Tags));
        return terms.Count(t => !t.Text.Any(char.IsDigit) && !GenericTitleWords.Contains(t.Text) && Holds(words, t));
    }

    /// <summary>Title words that say how a problem shows, not what it is about ("VPN drops every few minutes").</summary>
    private static readonly HashSet<string> GenericTitleWords = new(StringComparer.Ordinal)
    {
        "every", "few", "minute", "new", "one", "after", "many", "fast", "big", "will", "shows", "move", "get", "download",
    };

    /// <summary>The share of <paramref name="terms"/> that <paramref name="text"/> holds (prefix terms as prefixes).</summary>
    public static double Coverage(IReadOnlyList<SearchTerm> terms, string text)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            return 0;
        }
        var words = Words(text);
        return (double)terms.Count(t => Holds(words, t)) / terms.Count;
    }

    private static bool Holds(HashSet<string> words, SearchTerm term) =>
        term.Prefix ? words.Any(w => w.StartsWith(term.Text, StringComparison.Ordinal)) : words.Contains(term.Text);

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}\p{M}]+")]
    private static partial Regex WordPattern();
}
