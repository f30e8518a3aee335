namespace TicketApi.Triage;

/// <summary>
/// Temperature scaling (Guo et al., 2017): naive Bayes multiplies evidence as if words were independent,
/// so its raw posteriors are far too sure. Dividing the log scores by one temperature per field, fitted to
/// minimise the log loss of out-of-fold predictions, makes "0.8" mean right about 80% of the time without
/// changing which class wins (docs/triage.md, "Confidence").
/// </summary>
internal static class Calibration
{
    /// <summary>Softmax of <paramref name="scores"/> / <paramref name="temperature"/>, in place.</summary>
    public static void Softmax(Span<double> scores, double temperature)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp((scores[i] - max) / temperature);
            sum += scores[i];
        }
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] /= sum;
        }
    }

    /// <summary>The temperature that minimises the mean negative log-likelihood of the true classes.</summary>
    /// <param name="outOfFoldScores">Raw log scores of tickets the scoring model did not train on.</param>
    public static double FitTemperature(IReadOnlyList<double[]> outOfFoldScores, IReadOnlyList<int> labels)
    {
        if (outOfFoldScores.Count == 0)
        {
            return 1.0;
        }
        // The loss is convex in 1/T; a log-spaced grid refined once is exact enough and has no step size to tune.
        var best = 1.0;
        var bestLoss = double.PositiveInfinity;
        for (var t = 0.25; t <= 64; t *= 1.1)
        {
            var loss = LogLoss(outOfFoldScores, labels, t);
            if (loss < bestLoss)
            {
                (best, bestLoss) = (t, loss);
            }
        }
        for (var t = best / 1.1; t <= best * 1.1; t *= 1.01)
        {
            var loss = LogLoss(outOfFoldScores, labels, t);
            if (loss < bestLoss)
            {
                (best, bestLoss) = (t, loss);
            }
        }
        return best;
    }

    public static double LogLoss(IReadOnlyList<double[]> scores, IReadOnlyList<int> labels, double temperature)
    {
        Span<double> buffer = stackalloc double[16];
        var total = 0.0;
        for (var i = 0; i < scores.Count; i++)
        {
            var probabilities = buffer[..scores[i].Length];
            scores[i].CopyTo(probabilities);
            Softmax(probabilities, temperature);
            total -= Math.Log(Math.Max(probabilities[labels[i]], 1e-12));
        }
        return total / scores.Count;
    }
}
