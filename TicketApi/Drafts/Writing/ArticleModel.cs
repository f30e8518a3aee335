using TicketApi.KnowledgeBase;
using TicketApi.KnowledgeBase.Starter;

namespace TicketApi.Drafts.Writing;

/// <summary>
/// Which article answers a ticket, learned (docs/drafts.md, "Writing a draft: retrieval"): multinomial naive Bayes
/// over binary features, the ticket's word stems and adjacent stem pairs, with one class per article slug and one
/// for "no article fits". Each class learns from its article's own text (title and tags, which say what it is about,
/// weigh double, and its customer steps) and from the labelled tickets it answers, so it knows the requesters' words
/// for a problem ("the globe icon", "kicking me out") that the article never uses. An article the model never saw
/// (one added after the starter set) has no class and is ranked by the search alone.
/// Immutable after training: safe to share.
/// </summary>
public sealed class ArticleModel
{
    /// <summary>The class of tickets no article answers.</summary>
    public const string NoArticle = "";

    /// <summary>Pseudo-count of every feature in every class (Lidstone); 0.05-0.5 scored alike in cross-validation.</summary>
    public const double Smoothing = 0.2;

    /// <summary>
    /// What an article's own text counts for against one labelled ticket: it is the one description of the class
    /// every article has, so it must outweigh a single requester's wording.
    /// </summary>
    public const double ArticleTextWeight = 2;

    private readonly Dictionary<string, int> featureIndex;
    private readonly string[] classes;
    private readonly double[] logLikelihoods; // [class * featureCount + feature]
    private readonly double[] logDenominators;

    private ArticleModel(Dictionary<string, int> featureIndex, string[] classes, double[] logLikelihoods, double[] logDenominators)
    {
        this.featureIndex = featureIndex;
        this.classes = classes;
        this.logLikelihoods = logLikelihoods;
        this.logDenominators = logDenominators;
    }

    /// <summary>The classes it knows: article slugs, and <see cref="NoArticle"/> when the examples had such tickets.</summary>
    public IReadOnlyList<string> Classes => classes;

    /// <summary>The model the service drafts with: the embedded starter articles and labelled sets.</summary>
    public static ArticleModel FromEmbedded() => Train(StarterArticleParser.LoadEmbedded(), DraftTrainingSet.LoadEmbedded());

    public static ArticleModel Train(IEnumerable<Article> articles, IEnumerable<LabelledTicket> examples)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(examples);
        var counts = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string label, IEnumerable<string> features, double weight)
        {
            if (!counts.TryGetValue(label, out var row))
            {
                counts[label] = row = new Dictionary<string, double>(StringComparer.Ordinal);
                totals[label] = 0;
            }
            foreach (var feature in features)
            {
                row[feature] = row.GetValueOrDefault(feature) + weight;
                totals[label] += weight;
            }
        }
        foreach (var article in articles)
        {
            var about = SearchTerms.Stems(article.Title + " " + string.Join(' ', article.Tags)).ToList();
            var steps = SearchTerms.Stems(article.Body.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal)).ToList();
            Add(article.Slug, about.Concat(steps).Concat(Pairs(steps)).Concat(Pairs(about)).ToHashSet(StringComparer.Ordinal), ArticleTextWeight);
            Add(article.Slug, about.ToHashSet(StringComparer.Ordinal), ArticleTextWeight);
        }
        foreach (var example in examples)
        {
            Add(example.Article ?? NoArticle, Features(example.Title + "\n" + example.Description), 1);
        }

        var featureIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in counts.Values.SelectMany(row => row.Keys))
        {
            featureIndex.TryAdd(feature, featureIndex.Count);
        }
        var classes = counts.Keys.Order(StringComparer.Ordinal).ToArray();
        var featureCount = featureIndex.Count;
        var logLikelihoods = new double[classes.Length * featureCount];
        var logDenominators = new double[classes.Length];
        for (var c = 0; c < classes.Length; c++)
        {
            var row = counts[classes[c]];
            logDenominators[c] = Math.Log(totals[classes[c]] + (Smoothing * featureCount));
            foreach (var (feature, index) in featureIndex)
            {
                logLikelihoods[(c * featureCount) + index] = Math.Log(row.GetValueOrDefault(feature) + Smoothing);
            }
        }
        return new ArticleModel(featureIndex, classes, logLikelihoods, logDenominators);
    }

    /// <summary>
    /// The probability of each class for the text (they sum to 1), by slug. Classes share one uniform prior: how
    /// often an article answered the labelled tickets says nothing about the next ticket.
    /// </summary>
    public IReadOnlyDictionary<string, double> Posterior(string text) => Read(text).Posterior;

    /// <summary>
    /// What the model makes of a ticket (docs/drafts.md, "Fit"): each class's probability, how well each article
    /// explains the ticket against the "no article fits" class, and how far the likeliest article leads the next.
    /// </summary>
    public ArticleReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = Features(text).Where(featureIndex.ContainsKey).Select(f => featureIndex[f]).ToArray();
        var featureCount = featureIndex.Count;
        var scores = new double[classes.Length];
        for (var c = 0; c < classes.Length; c++)
        {
            var row = logLikelihoods.AsSpan(c * featureCount, featureCount);
            var score = -known.Length * logDenominators[c];
            foreach (var feature in known)
            {
                score += row[feature];
            }
            scores[c] = score;
        }
        var max = scores.Length == 0 ? 0 : scores.Max();
        var sum = scores.Sum(s => Math.Exp(s - max));
        var posterior = new Dictionary<string, double>(classes.Length, StringComparer.Ordinal);
        for (var c = 0; c < classes.Length; c++)
        {
            posterior[classes[c]] = Math.Exp(scores[c] - max) / sum;
        }
        var none = Array.IndexOf(classes, NoArticle);
        var explanation = new Dictionary<string, double>(StringComparer.Ordinal);
        if (none >= 0)
        {
            for (var c = 0; c < classes.Length; c++)
            {
                if (c != none)
                {
                    // Per known feature, so a long ticket does not explain itself by length; no known feature explains nothing.
                    explanation[classes[c]] = known.Length == 0 ? 0 : (scores[c] - scores[none]) / known.Length;
                }
            }
        }
        var articleScores = Enumerable.Range(0, classes.Length).Where(c => c != none).Select(c => scores[c]).OrderDescending().ToList();
        var lead = articleScores.Count switch
        {
            0 => 0,
            1 => double.PositiveInfinity,
            _ => articleScores[0] - articleScores[1],
        };
        return new ArticleReading(posterior, explanation, lead);
    }

    /// <summary>A text's distinct stems and adjacent stem pairs ("print queue" says more than "print" and "queue").</summary>
    public static HashSet<string> Features(string text)
    {
        var stems = SearchTerms.Stems(text).ToList();
        var features = stems.ToHashSet(StringComparer.Ordinal);
        features.UnionWith(Pairs(stems));
        return features;
    }

    private static IEnumerable<string> Pairs(List<string> stems)
    {
        for (var i = 1; i < stems.Count; i++)
        {
            yield return stems[i - 1] + " " + stems[i];
        }
    }
}
