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
        // Golden-section search on log T over [1/4, 64]: the log loss is unimodal in T, and 40 steps pin
        // it to well under 1% without a step size to tune.
        var low = Math.Log(0.25);
        var high = Math.Log(64);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var x1 = high - (ratio * (high - low));
        var x2 = low + (ratio * (high - low));
        var f1 = LogLoss(outOfFoldScores, labels, Math.Exp(x1));
        var f2 = LogLoss(outOfFoldScores, labels, Math.Exp(x2));
        for (var step = 0; step < 40; step++)
        {
            if (f1 < f2)
            {
                (high, x2, f2) = (x2, x1, f1);
                x1 = high - (ratio * (high - low));
                f1 = LogLoss(outOfFoldScores, labels, Math.Exp(x1));
            }
            else
            {
                (low, x1, f1) = (x1, x2, f2);
                x2 = low + (ratio * (high - low));
                f2 = LogLoss(outOfFoldScores, labels, Math.Exp(x2));
            }
        }
        var best = Math.Exp((low + high) / 2);
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
