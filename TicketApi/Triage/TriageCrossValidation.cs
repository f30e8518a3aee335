namespace TicketApi.Triage;

/// <summary>One scored ticket: the label it carries and what the triager said.</summary>
public sealed record TriagePrediction(string Id, string Expected, string Predicted, double Confidence, string Reason);

/// <summary>
/// Stratified k-fold cross-validation of the whole triager (features, model, calibration and rule
/// precision are all learned on k-1 folds and scored on the held fold): the honest way to measure on the
/// training set (docs/triage.md, "Evaluation"). Folds are stratified by the field being scored.
/// </summary>
public static class TriageCrossValidation
{
    public static IReadOnlyList<TriagePrediction> Run(IReadOnlyList<TriageExample> examples, TriageField field, int folds, OfflineTriagerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var labels = new string[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            labels[i] = examples[i].Label(field);
        }
        var fold = StratifiedFolds.Assign(labels, folds);
        var predictions = new TriagePrediction[examples.Count];
        for (var k = 0; k < folds; k++)
        {
            var training = new List<TriageExample>();
            for (var i = 0; i < examples.Count; i++)
            {
                if (fold[i] != k)
                {
                    training.Add(examples[i]);
                }
            }
            var triager = OfflineTriager.Train(training, options);
            for (var i = 0; i < examples.Count; i++)
            {
                if (fold[i] == k)
                {
                    predictions[i] = Score(triager, examples[i], field);
                }
            }
        }
        return predictions;
    }

    /// <summary>Scores a set the triager did not train on (the blind hold-out).</summary>
    public static IReadOnlyList<TriagePrediction> Score(OfflineTriager triager, IReadOnlyList<TriageExample> examples, TriageField field)
    {
        ArgumentNullException.ThrowIfNull(triager);
        ArgumentNullException.ThrowIfNull(examples);
        var predictions = new TriagePrediction[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            predictions[i] = Score(triager, examples[i], field);
        }
        return predictions;
    }

    private static TriagePrediction Score(OfflineTriager triager, TriageExample example, TriageField field)
    {
        var answer = triager.Triage(example.Input)[field];
        return new TriagePrediction(example.Id, example.Label(field), answer.Value, answer.Confidence, answer.Reason);
    }
}
