using System.Buffers;

namespace TicketApi.Triage;

/// <summary>
/// The built-in triager (source <c>rules</c>): deterministic, no network. Per field, a naive Bayes model
/// learned from the labelled tickets plus weighted guideline lexicons, temperature-scaled; overruled where
/// the label guidelines are explicit by <see cref="TriageRules"/>; the final confidence Platt-mapped
/// (docs/triage.md). Immutable once trained and allocation-light per call, so one instance serves every
/// request (a singleton).
/// </summary>
public sealed partial class OfflineTriager
{
    private readonly Dictionary<ulong, int> vocabulary;
    private readonly FieldModel[] fieldModels;
    private readonly double[] rulePrecision;
    private readonly ConfidenceMap[] confidenceMaps;
    private readonly OfflineTriagerOptions options;
    private readonly bool readsPhrases;

    private OfflineTriager(Dictionary<ulong, int> vocabulary, FieldModel[] fieldModels, double[] rulePrecision, ConfidenceMap[] confidenceMaps, OfflineTriagerOptions options, TimeSpan trainingTime)
    {
        this.vocabulary = vocabulary;
        this.fieldModels = fieldModels;
        this.rulePrecision = rulePrecision;
        this.confidenceMaps = confidenceMaps;
        this.options = options;
        readsPhrases = options.UseRules || Array.Exists(fieldModels, static model => model.EvidenceWeight > 0);
        TrainingTime = trainingTime;
    }

    /// <summary>How long <see cref="Train"/> took (features, models, calibration, rule precision).</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>Each field's fitted temperature (higher: the raw model was more over-confident).</summary>
    public double Temperature(TriageField field) => fieldModels[(int)field].Temperature;

    /// <summary>The fitted weight of the field's rule evidence (its lexicon); 0 when the lexicon did not help.</summary>
    public double EvidenceWeight(TriageField field) => fieldModels[(int)field].EvidenceWeight;

    /// <summary>A rule's precision on the training tickets, the confidence it reports (Laplace-smoothed).</summary>
    public double RulePrecision(TriageRule rule) => rulePrecision[(int)rule];

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
            // One scan serves the rules and all three lexicons; without either (an evaluation's --no-rules) there is nothing to find.
            Span<int> starts = stackalloc int[TriagePhrases.ListCount];
            Span<int> lengths = stackalloc int[TriagePhrases.ListCount];
            Span<int> distinct = stackalloc int[TriagePhrases.ListCount];
            var found = TriagePhrases.Scan(readsPhrases ? text.Lower : [], starts, lengths, distinct);
            return new TriageOutcome(
                Decide(TriageField.Category, text, features.AsSpan(0, known), indexes.AsSpan(0, known), readable, found),
                Decide(TriageField.Priority, text, features.AsSpan(0, known), indexes.AsSpan(0, known), readable, found),
                Decide(TriageField.Sentiment, text, features.AsSpan(0, known), indexes.AsSpan(0, known), readable, found));
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
        // Sorted by their hashes as keys: the same introsort as a comparison delegate would run (so equal
        // hashes end in the same order and reasons quote the same occurrence), without a delegate call per comparison.
        var hashes = ArrayPool<ulong>.Shared.Rent(Math.Max(1, count));
        try
        {
            for (var i = 0; i < count; i++)
            {
                hashes[i] = span[i].Hash;
            }
            hashes.AsSpan(0, count).Sort(span);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
        }
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

    private TriagedValue Decide(TriageField field, TicketText text, ReadOnlySpan<Feature> features, ReadOnlySpan<int> indexes, bool readable, PhraseMatches found)
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
        Span<int> evidenceStart = stackalloc int[labels.Count];
        Span<int> evidenceLength = stackalloc int[labels.Count];
        evidenceStart.Fill(-1);
        if (model.EvidenceWeight > 0)
        {
            EvidenceLexicon.For(field).Read(found, evidence, evidenceStart, evidenceLength);
        }
        var rule = options.UseRules ? TriageRules.For(field, found) : null;
        model.Probabilities(indexes, model.EvidenceWeight > 0 ? evidence : [], probabilities);
        var (label, confidence, byRule) = Combine(field, probabilities, rule, rulePrecision, options);
        var reason = byRule
            ? rule!.Value.Reason
            : TriageReasons.Learned(text, model.Classifier, features, indexes, label, TopTwo(probabilities).Rival, evidenceStart[label], evidenceLength[label]);
        return new TriagedValue(labels[label], Math.Round(confidenceMaps[(int)field].Apply(confidence), 3), reason, TriageLabels.RulesSource);
    }

    /// <summary>
    /// How the rules and the model meet (the same code scores the training tickets for the final
    /// calibration): a rule whose training precision clears the bar decides, except that an "at least"
    /// rule only raises a lower priority; otherwise the model's most probable label stands.
    /// </summary>
    private static (int Label, double Confidence, bool ByRule) Combine(TriageField field, ReadOnlySpan<double> probabilities, RuleDecision? rule, double[] rulePrecision, OfflineTriagerOptions options)
    {
        var best = TopTwo(probabilities).Best;
        if (rule is { } decision && rulePrecision[(int)decision.Rule] >= options.MinRulePrecision)
        {
            var ruleLabel = TriageLabels.IndexOf(field, decision.Value);
            if (!decision.AtLeast || best < ruleLabel)
            {
                return (ruleLabel, rulePrecision[(int)decision.Rule], true);
            }
        }
        return (best, probabilities[best], false);
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
}
