namespace TicketApi.Triage;

/// <summary>
/// One field's learned part: the classifier (feature selection + naive Bayes), the weight of the rule
/// evidence added to its scores (its <see cref="EvidenceLexicon"/>), the calibration
/// temperature, and the label shares. Score = (classifier log score + weight × evidence) / temperature.
/// </summary>
internal sealed class FieldModel
{
    private static readonly double[] EvidenceWeights = [0, 0.5, 1, 2, 3, 4, 6, 8];

    private readonly double[] priors;

    private FieldModel(TriageField field, IFieldClassifier classifier, double evidenceWeight, double temperature, double[] priors)
    {
        Field = field;
        Classifier = classifier;
        EvidenceWeight = evidenceWeight;
        Temperature = temperature;
        this.priors = priors;
    }

    public TriageField Field { get; }

    public IFieldClassifier Classifier { get; }

    public double EvidenceWeight { get; }

    public double Temperature { get; }

    /// <summary>The share of training tickets with this label: the honest confidence when the text says nothing.</summary>
    public double Prior(string label) => priors[TriageLabels.IndexOf(Field, label)];

    /// <summary>Calibrated probabilities of every label.</summary>
    public void Probabilities(ReadOnlySpan<int> features, ReadOnlySpan<double> evidence, Span<double> probabilities)
    {
        Classifier.Score(features, probabilities);
        for (var c = 0; c < probabilities.Length && !evidence.IsEmpty; c++)
        {
            probabilities[c] += EvidenceWeight * evidence[c];
        }
        Calibration.Softmax(probabilities, Temperature);
    }

    /// <param name="evidence">Per ticket, rule evidence per label (or null when the field has none).</param>
    /// <param name="outOfFoldProbabilities">Each training ticket's calibrated probabilities from a model that did not see it.</param>
    public static FieldModel Train(TriageField field, IReadOnlyList<TriageExample> examples, IReadOnlyList<int[]> documents, IReadOnlyList<double[]>? evidence, int featureCount, OfflineTriagerOptions options, out double[][] outOfFoldProbabilities)
    {
        var labelNames = TriageLabels.Of(field);
        var labels = new int[examples.Count];
        var labelTexts = new string[examples.Count];
        var priors = new double[labelNames.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            labelTexts[i] = examples[i].Label(field);
            labels[i] = TriageLabels.IndexOf(field, labelTexts[i]);
            priors[labels[i]] += 1.0 / examples.Count;
        }
        var classifier = Learn(documents, labels, labelNames.Count, featureCount, options);
        var outOfFold = OutOfFoldScores(documents, labels, labelTexts, labelNames.Count, featureCount, options);
        var (weight, temperature) = FitCombination(outOfFold, evidence, labels);
        var model = new FieldModel(field, classifier, weight, temperature, priors);
        outOfFoldProbabilities = new double[outOfFold.Length][];
        for (var i = 0; i < outOfFold.Length; i++)
        {
            // The scores already are the classifier's; add the evidence and temperature as Probabilities does.
            outOfFoldProbabilities[i] = new double[outOfFold[i].Length];
            for (var c = 0; c < outOfFold[i].Length; c++)
            {
                outOfFoldProbabilities[i][c] = outOfFold[i][c] + (evidence is null ? 0 : weight * evidence[i][c]);
            }
            Calibration.Softmax(outOfFoldProbabilities[i], temperature);
        }
        return model;
    }

    private static SelectedFeaturesClassifier Learn(IReadOnlyList<int[]> documents, IReadOnlyList<int> labels, int classCount, int featureCount, OfflineTriagerOptions options) =>
        SelectedFeaturesClassifier.Train(documents, labels, classCount, featureCount, options.FeaturesPerField, (docs, labs, count) =>
            NaiveBayesModel.Train(docs, labs, classCount, count, options.Smoothing));

    /// <summary>Scores every training ticket with a model that did not see it (stratified k-fold).</summary>
    private static double[][] OutOfFoldScores(IReadOnlyList<int[]> documents, int[] labels, string[] labelTexts, int classCount, int featureCount, OfflineTriagerOptions options)
    {
        var folds = Math.Max(2, Math.Min(options.CalibrationFolds, documents.Count));
        var fold = StratifiedFolds.Assign(labelTexts, folds);
        var outOfFold = new double[documents.Count][];
        for (var k = 0; k < folds; k++)
        {
            var trainDocuments = new List<int[]>();
            var trainLabels = new List<int>();
            for (var i = 0; i < documents.Count; i++)
            {
                if (fold[i] != k)
                {
                    trainDocuments.Add(documents[i]);
                    trainLabels.Add(labels[i]);
                }
            }
            var model = Learn(trainDocuments, trainLabels, classCount, featureCount, options);
            for (var i = 0; i < documents.Count; i++)
            {
                if (fold[i] == k)
                {
                    outOfFold[i] = new double[classCount];
                    model.Score(documents[i], outOfFold[i]);
                }
            }
        }
        return outOfFold;
    }

    /// <summary>The evidence weight and temperature with the lowest out-of-fold log loss.</summary>
    private static (double Weight, double Temperature) FitCombination(double[][] outOfFold, IReadOnlyList<double[]>? evidence, int[] labels)
    {
        if (evidence is null)
        {
            return (0, Calibration.FitTemperature(outOfFold, labels));
        }
        var best = (Weight: 0.0, Temperature: 1.0);
        var bestLoss = double.PositiveInfinity;
        foreach (var weight in EvidenceWeights)
        {
            var combined = new double[outOfFold.Length][];
            for (var i = 0; i < outOfFold.Length; i++)
            {
                combined[i] = new double[outOfFold[i].Length];
                for (var c = 0; c < combined[i].Length; c++)
                {
                    combined[i][c] = outOfFold[i][c] + (weight * evidence[i][c]);
                }
            }
            var temperature = Calibration.FitTemperature(combined, labels);
            var loss = Calibration.LogLoss(combined, labels, temperature);
            if (loss < bestLoss)
            {
                (best, bestLoss) = ((weight, temperature), loss);
            }
        }
        return best;
    }
}
