using System.Buffers;
using System.Diagnostics;

namespace TicketApi.Triage;

/// <summary>Training: features, vocabulary, one calibrated model per field, rule precision, confidence maps.</summary>
public sealed partial class OfflineTriager
{
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

        var ruleDecisions = DecideByRules(examples);
        var rulePrecision = MeasureRules(examples, ruleDecisions);
        var fieldModels = new FieldModel[TriageLabels.Fields.Count];
        var confidenceMaps = new ConfidenceMap[TriageLabels.Fields.Count];
        foreach (var field in TriageLabels.Fields)
        {
            var evidence = options.UseRules ? LexiconHits(examples, field) : null;
            fieldModels[(int)field] = FieldModel.Train(field, examples, documents, evidence, vocabulary.Count, options, out var outOfFold);
            confidenceMaps[(int)field] = FitConfidenceMap(field, examples, outOfFold, ruleDecisions, rulePrecision, options);
        }
        return new OfflineTriager(vocabulary, fieldModels, rulePrecision, confidenceMaps, options, clock.Elapsed);
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

    /// <summary>
    /// The last calibration step: the training tickets are decided exactly as <see cref="Triage"/> would,
    /// from out-of-fold model probabilities and the rules, and a Platt map is fitted from those confidences
    /// to being right. Temperature scaling alone calibrates the model, not the model overruled by rules.
    /// </summary>
    private static ConfidenceMap FitConfidenceMap(TriageField field, IReadOnlyList<TriageExample> examples, double[][] outOfFold, RuleDecision?[][] ruleDecisions, double[] rulePrecision, OfflineTriagerOptions options)
    {
        var confidences = new double[examples.Count];
        var correct = new bool[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            var rule = options.UseRules ? ruleDecisions[(int)field][i] : null;
            var (label, confidence, _) = Combine(field, outOfFold[i], rule, rulePrecision, options);
            confidences[i] = confidence;
            correct[i] = TriageLabels.Of(field)[label] == examples[i].Label(field);
        }
        return ConfidenceMap.Fit(confidences, correct);
    }

    private static List<double[]> LexiconHits(IReadOnlyList<TriageExample> examples, TriageField field)
    {
        var lexicon = EvidenceLexicon.For(field);
        var all = new List<double[]>(examples.Count);
        Span<int> starts = stackalloc int[TriagePhrases.ListCount];
        Span<int> lengths = stackalloc int[TriagePhrases.ListCount];
        Span<int> distinct = stackalloc int[TriagePhrases.ListCount];
        var labels = TriageLabels.Of(field).Count;
        Span<int> firstStarts = stackalloc int[labels];
        Span<int> firstLengths = stackalloc int[labels];
        foreach (var example in examples)
        {
            using var text = new TicketText(example.Input);
            var hits = new double[labels];
            // The same scan and reading as triage itself (OfflineTriager.Decide), so training sees the evidence triage will.
            lexicon.Read(TriagePhrases.Scan(text.Lower, starts, lengths, distinct), hits, firstStarts, firstLengths);
            all.Add(hits);
        }
        return all;
    }

    /// <summary>What the rules say about every training ticket, per field: [field][ticket].</summary>
    private static RuleDecision?[][] DecideByRules(IReadOnlyList<TriageExample> examples)
    {
        var decisions = new RuleDecision?[TriageLabels.Fields.Count][];
        foreach (var field in TriageLabels.Fields)
        {
            decisions[(int)field] = new RuleDecision?[examples.Count];
        }
        Span<int> starts = stackalloc int[TriagePhrases.ListCount];
        Span<int> lengths = stackalloc int[TriagePhrases.ListCount];
        Span<int> distinct = stackalloc int[TriagePhrases.ListCount];
        for (var i = 0; i < examples.Count; i++)
        {
            using var text = new TicketText(examples[i].Input);
            var found = TriagePhrases.Scan(text.Lower, starts, lengths, distinct);
            foreach (var field in TriageLabels.Fields)
            {
                decisions[(int)field][i] = TriageRules.For(field, found);
            }
        }
        return decisions;
    }

    /// <summary>Each rule's precision on the training tickets, Laplace-smoothed: (right + 1) / (fired + 2).</summary>
    private static double[] MeasureRules(IReadOnlyList<TriageExample> examples, RuleDecision?[][] decisions)
    {
        var rules = Enum.GetValues<TriageRule>();
        var fired = new int[rules.Length];
        var right = new int[rules.Length];
        foreach (var field in TriageLabels.Fields)
        {
            for (var i = 0; i < examples.Count; i++)
            {
                if (decisions[(int)field][i] is { } decision)
                {
                    fired[(int)decision.Rule]++;
                    right[(int)decision.Rule] += decision.Value == examples[i].Label(field) ? 1 : 0;
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
