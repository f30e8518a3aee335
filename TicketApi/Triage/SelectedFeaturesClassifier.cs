using System.Buffers;

namespace TicketApi.Triage;

/// <summary>
/// Keeps, for one field, only the features most tied to its labels (largest chi-squared statistic of
/// feature presence against any one label) and trains the learner on those. With a few hundred tickets
/// most words are noise for a given field ("since" says nothing about priority); dropping them is what
/// lets the telling words decide. Selection is part of training, so cross-validation measures it too.
/// </summary>
internal sealed class SelectedFeaturesClassifier : IFieldClassifier
{
    private readonly int[] localIndex; // global feature index -> selected index, or -1
    private readonly IFieldClassifier inner;

    private SelectedFeaturesClassifier(int[] localIndex, IFieldClassifier inner)
    {
        this.localIndex = localIndex;
        this.inner = inner;
    }

    public static SelectedFeaturesClassifier Train(
        IReadOnlyList<int[]> documents,
        IReadOnlyList<int> labels,
        int classCount,
        int featureCount,
        int keep,
        Func<IReadOnlyList<int[]>, IReadOnlyList<int>, int, IFieldClassifier> learn)
    {
        var localIndex = Select(documents, labels, classCount, featureCount, keep, out var selectedCount);
        var localDocuments = new List<int[]>(documents.Count);
        var buffer = new List<int>();
        foreach (var document in documents)
        {
            buffer.Clear();
            foreach (var f in document)
            {
                if (localIndex[f] >= 0)
                {
                    buffer.Add(localIndex[f]);
                }
            }
            localDocuments.Add([.. buffer]);
        }
        return new SelectedFeaturesClassifier(localIndex, learn(localDocuments, labels, selectedCount));
    }

    public void Score(ReadOnlySpan<int> features, Span<double> scores)
    {
        var local = ArrayPool<int>.Shared.Rent(Math.Max(1, features.Length));
        try
        {
            var count = 0;
            foreach (var f in features)
            {
                if (localIndex[f] >= 0)
                {
                    local[count++] = localIndex[f];
                }
            }
            inner.Score(local.AsSpan(0, count), scores);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(local);
        }
    }

    public double Leaning(int feature, int chosen, int rival) =>
        localIndex[feature] < 0 ? 0 : inner.Leaning(localIndex[feature], chosen, rival);

    /// <summary>Orders runs of equal keys by feature index (Array.Sort is not stable).</summary>
    private static void StabiliseTies(double[] keys, int[] order)
    {
        var runStart = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[runStart])
            {
                Array.Sort(order, runStart, i - runStart);
                runStart = i;
            }
        }
    }

    private static int[] Select(IReadOnlyList<int[]> documents, IReadOnlyList<int> labels, int classCount, int featureCount, int keep, out int selectedCount)
    {
        var withFeature = new int[classCount * featureCount];
        var classSizes = new int[classCount];
        var featureDocs = new int[featureCount];
        for (var d = 0; d < documents.Count; d++)
        {
            classSizes[labels[d]]++;
            foreach (var f in documents[d])
            {
                withFeature[(labels[d] * featureCount) + f]++;
                featureDocs[f]++;
            }
        }
        double n = documents.Count;
        var scores = new double[featureCount];
        for (var f = 0; f < featureCount; f++)
        {
            var best = 0.0;
            for (var c = 0; c < classCount; c++)
            {
                double a = withFeature[(c * featureCount) + f];  // in class, has feature
                double b = featureDocs[f] - a;                  // other classes, has feature
                double cc = classSizes[c] - a;                  // in class, lacks feature
                var d = n - a - b - cc;                         // other classes, lacks feature
                var denominator = (a + cc) * (b + d) * (a + b) * (cc + d);
                var chi = denominator == 0 ? 0 : n * Math.Pow((a * d) - (b * cc), 2) / denominator;
                best = Math.Max(best, chi);
            }
            scores[f] = best;
        }
        var order = new int[featureCount];
        var keys = new double[featureCount];
        for (var f = 0; f < featureCount; f++)
        {
            order[f] = f;
            keys[f] = -scores[f];
        }
        // Highest score first. Keys sort without a delegate; a stable order among equal scores comes from
        // sorting (key, index) pairs, so training stays deterministic.
        Array.Sort(keys, order);
        StabiliseTies(keys, order);
        var localIndex = new int[featureCount];
        Array.Fill(localIndex, -1);
        selectedCount = Math.Min(keep, featureCount);
        for (var i = 0; i < selectedCount; i++)
        {
            localIndex[order[i]] = i;
        }
        return localIndex;
    }
}
