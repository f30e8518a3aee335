namespace TicketApi.Triage;

/// <summary>
/// Multinomial naive Bayes over binary features (a feature counts once per ticket, which suits short texts
/// better than raw counts), with additive smoothing. Log-probabilities are computed once at training, so
/// scoring a ticket is one addition per feature and class. Immutable after training: safe to share.
/// </summary>
internal sealed class NaiveBayesModel : IFieldClassifier
{
    private readonly double[] logPriors;
    private readonly double[] logLikelihoods; // [class * featureCount + feature]
    private readonly int featureCount;

    private NaiveBayesModel(double[] logPriors, double[] logLikelihoods, int featureCount)
    {
        this.logPriors = logPriors;
        this.logLikelihoods = logLikelihoods;
        this.featureCount = featureCount;
    }

    public int ClassCount => logPriors.Length;

    /// <param name="documents">Each training ticket's distinct feature indexes.</param>
    /// <param name="labels">Each ticket's class index.</param>
    /// <param name="smoothing">Pseudo-count added to every feature of every class (Lidstone).</param>
    public static NaiveBayesModel Train(IReadOnlyList<int[]> documents, IReadOnlyList<int> labels, int classCount, int featureCount, double smoothing)
    {
        var counts = new double[classCount * featureCount];
        var totals = new double[classCount];
        var classSizes = new double[classCount];
        for (var d = 0; d < documents.Count; d++)
        {
            var label = labels[d];
            classSizes[label]++;
            foreach (var feature in documents[d])
            {
                counts[(label * featureCount) + feature]++;
            }
            totals[label] += documents[d].Length;
        }

        var logPriors = new double[classCount];
        var logLikelihoods = new double[classCount * featureCount];
        for (var c = 0; c < classCount; c++)
        {
            // A class absent from a small training fold still gets a finite (very low) prior.
            logPriors[c] = Math.Log((classSizes[c] + 0.5) / (documents.Count + (0.5 * classCount)));
            var denominator = Math.Log(totals[c] + (smoothing * featureCount));
            for (var f = 0; f < featureCount; f++)
            {
                logLikelihoods[(c * featureCount) + f] = Math.Log(counts[(c * featureCount) + f] + smoothing) - denominator;
            }
        }
        return new NaiveBayesModel(logPriors, logLikelihoods, featureCount);
    }

    /// <summary>Unnormalised log posterior of every class (log prior + sum of log likelihoods).</summary>
    public void Score(ReadOnlySpan<int> features, Span<double> scores)
    {
        for (var c = 0; c < logPriors.Length; c++)
        {
            var score = logPriors[c];
            var row = logLikelihoods.AsSpan(c * featureCount, featureCount);
            foreach (var feature in features)
            {
                score += row[feature];
            }
            scores[c] = score;
        }
    }

    /// <summary>How much one feature moves the odds of <paramref name="chosen"/> against <paramref name="rival"/>.</summary>
    public double Leaning(int feature, int chosen, int rival) =>
        logLikelihoods[(chosen * featureCount) + feature] - logLikelihoods[(rival * featureCount) + feature];
}
