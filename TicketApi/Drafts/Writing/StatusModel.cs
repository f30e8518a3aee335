namespace TicketApi.Drafts.Writing;

/// <summary>
/// Whether a ticket's chosen article should fully settle it (<c>FINAL</c>) or follow-up is due, learned
/// (docs/drafts.md, "Writing a draft: FINAL or NEEDS_FOLLOW_UP"): multinomial naive Bayes with two classes over the
/// same binary features as <see cref="ArticleModel"/> (word stems and adjacent stem pairs) plus the chosen article
/// itself (some articles, a refund overdue or a posted double charge, are mostly cases only staff can settle). It
/// learns from the labelled tickets that have an article; tickets no article fits are follow-up by rule, so they
/// would teach it only that their topics are not the starter set's. Hand-written word lists learnt the phrases of the
/// sets they were written from; this learns the situations from every labelled ticket at once.
/// Immutable after training: safe to share.
/// </summary>
public sealed class StatusModel
{
    /// <summary>Pseudo-count of every feature in each class (Lidstone), as <see cref="ArticleModel.Smoothing"/>.</summary>
    public const double Smoothing = 0.2;

    /// <summary>
    /// <c>FINAL</c> needs the model at least this sure. Far above one half on purpose: a <c>FINAL</c> where follow-up
    /// was due claims a fix that is not there, the costlier error (eval/drafts/README.md). Chosen by leave-one-set-out
    /// over the four labelled sets (eval/drafts/RESULTS.md): 0.6 let 18 of 224 costly FINALs through, 0.95 13, 0.99 10
    /// at three points less status accuracy.
    /// </summary>
    public const double FinalThreshold = 0.95;

    private const string ArticleFeaturePrefix = "article=";

    private readonly Dictionary<string, double> logRatios; // log P(f | FINAL) - log P(f | NEEDS_FOLLOW_UP)
    private readonly double priorLogRatio;

    private StatusModel(Dictionary<string, double> logRatios, double priorLogRatio)
    {
        this.logRatios = logRatios;
        this.priorLogRatio = priorLogRatio;
    }

    /// <summary>The model the service drafts with: every embedded labelled set.</summary>
    public static StatusModel FromEmbedded() => Train(DraftTrainingSet.LoadEmbedded());

    public static StatusModel Train(IEnumerable<LabelledTicket> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var final = new Dictionary<string, double>(StringComparer.Ordinal);
        var followUp = new Dictionary<string, double>(StringComparer.Ordinal);
        double finalTotal = 0, followUpTotal = 0;
        int finalTickets = 0, followUpTickets = 0;
        foreach (var example in examples.Where(e => e.Article is not null))
        {
            var isFinal = example.SolutionStatus == SolutionStatuses.Final;
            var row = isFinal ? final : followUp;
            foreach (var feature in FeaturesOf(example.Title + "\n" + example.Description, example.Article))
            {
                row[feature] = row.GetValueOrDefault(feature) + 1;
                if (isFinal)
                {
                    finalTotal++;
                }
                else
                {
                    followUpTotal++;
                }
            }
            if (isFinal)
            {
                finalTickets++;
            }
            else
            {
                followUpTickets++;
            }
        }
        var vocabulary = final.Keys.Union(followUp.Keys, StringComparer.Ordinal).ToList();
        var finalDenominator = Math.Log(finalTotal + (Smoothing * vocabulary.Count));
        var followUpDenominator = Math.Log(followUpTotal + (Smoothing * vocabulary.Count));
        var logRatios = new Dictionary<string, double>(vocabulary.Count, StringComparer.Ordinal);
        foreach (var feature in vocabulary)
        {
            logRatios[feature] = Math.Log(final.GetValueOrDefault(feature) + Smoothing) - finalDenominator
                - (Math.Log(followUp.GetValueOrDefault(feature) + Smoothing) - followUpDenominator);
        }
        var prior = Math.Log(finalTickets + 1.0) - Math.Log(followUpTickets + 1.0);
        return new StatusModel(logRatios, prior);
    }

    /// <summary>The probability that the chosen article fully settles the ticket (0-1).</summary>
    /// <param name="article">The chosen article's slug, or null when none was chosen.</param>
    public double FinalProbability(string text, string? article)
    {
        ArgumentNullException.ThrowIfNull(text);
        var logOdds = priorLogRatio;
        // A feature neither class saw says nothing about the ticket (scoring it would only tilt every long text
        // toward the class with the smaller denominator), so it is left out.
        foreach (var feature in FeaturesOf(text, article))
        {
            logOdds += logRatios.GetValueOrDefault(feature);
        }
        return 1 / (1 + Math.Exp(-logOdds));
    }

    private static HashSet<string> FeaturesOf(string text, string? article)
    {
        var features = ArticleModel.Features(text);
        if (article is not null)
        {
            features.Add(ArticleFeaturePrefix + article);
        }
        return features;
    }
}
