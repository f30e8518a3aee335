using System.Buffers;
using System.Diagnostics;

namespace TicketApi.Triage;

/// <summary>
/// The built-in triager (source <c>rules</c>): deterministic, no network. A naive Bayes model per field,
/// learned from the labelled tickets, with temperature-scaled confidence, overruled where the label
/// guidelines are explicit by <see cref="TriageRules"/> (docs/triage.md). Immutable once trained and
/// allocation-light per call, so one instance serves every request (a singleton).
/// </summary>
public sealed class OfflineTriager
{
    private const int MaxReasonWords = 2;

    private readonly Dictionary<ulong, int> vocabulary;
    private readonly FieldModel[] fieldModels;
    private readonly double[] rulePrecision;
    private readonly OfflineTriagerOptions options;

    private OfflineTriager(Dictionary<ulong, int> vocabulary, FieldModel[] fieldModels, double[] rulePrecision, OfflineTriagerOptions options, TimeSpan trainingTime)
    {
        this.vocabulary = vocabulary;
        this.fieldModels = fieldModels;
        this.rulePrecision = rulePrecision;
        this.options = options;
        TrainingTime = trainingTime;
    }

    /// <summary>How long <see cref="Train"/> took (features, models, calibration, rule precision).</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>Each field's fitted temperature (higher: the raw model was more over-confident).</summary>
    public double Temperature(TriageField field) => fieldModels[(int)field].Temperature;

    /// <summary>The fitted weight of the field's rule evidence (the category lexicon); 0 for fields without.</summary>
    public double EvidenceWeight(TriageField field) => fieldModels[(int)field].EvidenceWeight;

    /// <summary>A rule's precision on the training tickets, the confidence it reports (Laplace-smoothed).</summary>
    public double RulePrecision(TriageRule rule) => rulePrecision[(int)rule];

    /// <summary>Trains on the labelled set compiled into TicketApi (<c>eval/triage/train.jsonl</c>).</summary>
    public static OfflineTriager TrainOnEmbeddedSet() => Train(TriageTrainingSet.LoadEmbedded());

    public static OfflineTriager Train(IReadOnlyList<TriageExample> examples, OfflineTriagerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("The triager needs labelled tickets to learn from.", nameof(examples));
        }
        options ??= new OfflineTriagerOptions();
        var clock = Stopwatch.StartNew();

        var hashedDocuments = new List<ulong[]>(examples.Count);
        var documentFrequency = new Dictionary<ulong, int>();
        foreach (var example in examples)
        {
            var hashes = DistinctHashes(example.Input);
            hashedDocuments.Add(hashes);
            foreach (var hash in hashes)
            {
                documentFrequency[hash] = documentFrequency.GetValueOrDefault(hash) + 1;
            }
        }

        var vocabulary = new Dictionary<ulong, int>();
        foreach (var hashes in hashedDocuments)
        {
            foreach (var hash in hashes)
            {
                if (documentFrequency[hash] >= options.MinDocumentFrequency && !vocabulary.ContainsKey(hash))
                {
                    vocabulary.Add(hash, vocabulary.Count);
                }
            }
        }
        var documents = new List<int[]>(examples.Count);
        foreach (var hashes in hashedDocuments)
        {
            var indexes = new List<int>(hashes.Length);
            foreach (var hash in hashes)
            {
                if (vocabulary.TryGetValue(hash, out var index))
                {
                    indexes.Add(index);
                }
            }
            documents.Add([.. indexes]);
        }

        var topicHits = new List<double[]>(examples.Count);
        foreach (var example in examples)
        {
            using var text = new TicketText(example.Input);
            var hits = new double[TriageLabels.Categories.Count];
            TopicLexicon.Count(text.Lower, hits);
            topicHits.Add(hits);
        }

        var fieldModels = new FieldModel[TriageLabels.Fields.Count];
        foreach (var field in TriageLabels.Fields)
        {
            var evidence = field == TriageField.Category && options.UseRules ? topicHits : null;
            fieldModels[(int)field] = FieldModel.Train(field, examples, documents, evidence, vocabulary.Count, options);
        }
        var rulePrecision = MeasureRules(examples);
        return new OfflineTriager(vocabulary, fieldModels, rulePrecision, options, clock.Elapsed);
    }

    /// <summary>Triage one ticket. Never throws for any text; unreadable text gets the fall-back values with low confidence.</summary>
    public TriageOutcome Triage(TriageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var text = new TicketText(input);
        var features = TicketFeatures.RentBuffer(text);
        var indexes = ArrayPool<int>.Shared.Rent(TicketFeatures.Capacity(text));
        try
        {
            var known = KnownFeatures(text, features, indexes, out var readable);
            return new TriageOutcome(
                Decide(TriageField.Category, text, features.AsSpan(0, known), indexes.AsSpan(0, known), readable),
                Decide(TriageField.Priority, text, features.AsSpan(0, known), indexes.AsSpan(0, known), readable),
                Decide(TriageField.Sentiment, text, features.AsSpan(0, known), indexes.AsSpan(0, known), readable));
        }
        finally
        {
            ArrayPool<Feature>.Shared.Return(features);
            ArrayPool<int>.Shared.Return(indexes);
        }
    }

    /// <summary>
    /// Keeps the distinct features the model knows, compacted to the front of both buffers. The text is
    /// readable when at least two of its distinct words, and a third of them, were seen in training: the
    /// model has nothing to say about a ticket in another language or made of emoji.
    /// </summary>
    private int KnownFeatures(TicketText text, Feature[] features, int[] indexes, out bool readable)
    {
        var count = TicketFeatures.Extract(text, features);
        var span = features.AsSpan(0, count);
        span.Sort(static (a, b) => a.Hash.CompareTo(b.Hash));
        var known = 0;
        var words = 0;
        var knownWords = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (i > 0 && span[i].Hash == span[i - 1].Hash)
            {
                continue;
            }
            var isWord = span[i].Kind == FeatureKind.Word;
            words += isWord ? 1 : 0;
            if (vocabulary.TryGetValue(span[i].Hash, out var index))
            {
                knownWords += isWord ? 1 : 0;
                span[known] = span[i];
                indexes[known] = index;
                known++;
            }
        }
        readable = knownWords >= 2 && knownWords * 3 >= words;
        return known;
    }

    private TriagedValue Decide(TriageField field, TicketText text, ReadOnlySpan<Feature> features, ReadOnlySpan<int> indexes, bool readable)
    {
        var labels = TriageLabels.Of(field);
        var model = fieldModels[(int)field];
        var fallback = TriageLabels.Fallback(field);
        if (!readable)
        {
            return new TriagedValue(fallback, Math.Round(model.Prior(fallback), 3), "too few known words to judge; default value", TriageLabels.RulesSource);
        }

        Span<double> probabilities = stackalloc double[labels.Count];
        Span<double> evidence = stackalloc double[labels.Count];
        if (model.EvidenceWeight > 0)
        {
            TopicLexicon.Count(text.Lower, evidence);
        }
        model.Probabilities(indexes, model.EvidenceWeight > 0 ? evidence : [], probabilities);
        var (best, rival) = TopTwo(probabilities);

        if (options.UseRules && TriageRules.For(field, text.Lower) is { } rule && rulePrecision[(int)rule.Rule] >= options.MinRulePrecision)
        {
            var ruleIndex = TriageLabels.IndexOf(field, rule.Value);
            if (!rule.AtLeast || best < ruleIndex)
            {
                return new TriagedValue(rule.Value, Math.Round(rulePrecision[(int)rule.Rule], 3), rule.Reason, TriageLabels.RulesSource);
            }
        }
        return new TriagedValue(labels[best], Math.Round(probabilities[best], 3), LearnedReason(text, model.Classifier, features, indexes, best, rival), TriageLabels.RulesSource);
    }

    /// <summary>The ticket's own words that pushed the answer most towards the chosen value over the runner-up.</summary>
    private static string LearnedReason(TicketText text, IFieldClassifier model, ReadOnlySpan<Feature> features, ReadOnlySpan<int> indexes, int chosen, int rival)
    {
        Span<int> picked = stackalloc int[MaxReasonWords];
        var pickedCount = 0;
        while (pickedCount < MaxReasonWords)
        {
            var bestFeature = -1;
            var bestLeaning = 0.0;
            for (var i = 0; i < features.Length; i++)
            {
                if (features[i].Kind == FeatureKind.Marker || Overlaps(features, picked[..pickedCount], i))
                {
                    continue;
                }
                var leaning = model.Leaning(indexes[i], chosen, rival);
                if (leaning > bestLeaning)
                {
                    (bestFeature, bestLeaning) = (i, leaning);
                }
            }
            if (bestFeature < 0)
            {
                break;
            }
            picked[pickedCount++] = bestFeature;
        }
        if (pickedCount == 0)
        {
            return "no single word stands out; closest to similar training tickets";
        }
        var first = text.Quote(features[picked[0]].Start, features[picked[0]].Length);
        return pickedCount == 1
            ? $"mentions \"{first}\""
            : $"mentions \"{first}\", \"{text.Quote(features[picked[1]].Start, features[picked[1]].Length)}\"";
    }

    private static bool Overlaps(ReadOnlySpan<Feature> features, ReadOnlySpan<int> picked, int candidate)
    {
        var c = features[candidate];
        foreach (var p in picked)
        {
            var other = features[p];
            if (c.Start < other.Start + other.Length && other.Start < c.Start + c.Length)
            {
                return true;
            }
        }
        return false;
    }

    private static (int Best, int Rival) TopTwo(ReadOnlySpan<double> probabilities)
    {
        var best = 0;
        var rival = -1;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                (rival, best) = (best, i);
            }
            else if (rival < 0 || probabilities[i] > probabilities[rival])
            {
                rival = i;
            }
        }
        return (best, rival);
    }

    private static ulong[] DistinctHashes(TriageInput input)
    {
        using var text = new TicketText(input);
        var buffer = TicketFeatures.RentBuffer(text);
        try
        {
            var count = TicketFeatures.Extract(text, buffer);
            var hashes = new HashSet<ulong>();
            for (var i = 0; i < count; i++)
            {
                hashes.Add(buffer[i].Hash);
            }
            return [.. hashes];
        }
        finally
        {
            ArrayPool<Feature>.Shared.Return(buffer);
        }
    }

    /// <summary>Each rule's precision on the training tickets, Laplace-smoothed: (right + 1) / (fired + 2).</summary>
    private static double[] MeasureRules(IReadOnlyList<TriageExample> examples)
    {
        var rules = Enum.GetValues<TriageRule>();
        var fired = new int[rules.Length];
        var right = new int[rules.Length];
        foreach (var example in examples)
        {
            using var text = new TicketText(example.Input);
            foreach (var field in TriageLabels.Fields)
            {
                if (TriageRules.For(field, text.Lower) is { } decision)
                {
                    fired[(int)decision.Rule]++;
                    right[(int)decision.Rule] += decision.Value == example.Label(field) ? 1 : 0;
                }
            }
        }
        var precision = new double[rules.Length];
        for (var r = 0; r < rules.Length; r++)
        {
            precision[r] = (right[r] + 1.0) / (fired[r] + 2.0);
        }
        return precision;
    }
}
