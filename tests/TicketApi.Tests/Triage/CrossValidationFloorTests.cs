using TicketApi.Triage;

namespace TicketApi.Tests.Triage;

/// <summary>
/// Guards the features, lexicons and rules against regressions: deterministic 5-fold cross-validation on
/// the training set must stay above floors set a little under the measured figures (docs/triage.md,
/// "Evaluation"; 10-fold figures in eval/triage/RESULTS.md).
/// </summary>
[Collection(TrainedTriagerGroup.Name)]
public sealed class CrossValidationFloorTests(TrainedTriager trained)
{
    [Theory]
    [InlineData(TriageField.Category, 0.85)]
    [InlineData(TriageField.Priority, 0.72)]
    [InlineData(TriageField.Sentiment, 0.78)]
    public void Five_fold_cross_validated_accuracy_stays_above_its_floor(TriageField field, double floor)
    {
        var predictions = TriageCrossValidation.Run(trained.TrainingSet, field, folds: 5);

        var accuracy = predictions.Count(p => p.Expected == p.Predicted) / (double)predictions.Count;

        Assert.Equal(trained.TrainingSet.Count, predictions.Count);
        Assert.True(accuracy >= floor, $"{field} 5-fold accuracy {accuracy:0.000} fell below {floor}");
    }

    [Fact]
    public void Confident_cross_validated_answers_are_right_about_as_often_as_they_claim()
    {
        var predictions = TriageLabels.Fields.SelectMany(field => TriageCrossValidation.Run(trained.TrainingSet, field, folds: 5)).ToList();

        var confident = predictions.Where(p => p.Confidence >= 0.8).ToList();
        var middling = predictions.Where(p => p.Confidence is >= 0.4 and < 0.8).ToList();
        var confidentAccuracy = confident.Count(p => p.Expected == p.Predicted) / (double)confident.Count;
        var middlingAccuracy = middling.Count(p => p.Expected == p.Predicted) / (double)middling.Count;

        // Calibrated: high confidence means high accuracy, and a confidence band is right roughly as often as it says.
        Assert.InRange(confidentAccuracy, confident.Average(p => p.Confidence) - 0.08, 1.0);
        Assert.InRange(middlingAccuracy, middling.Average(p => p.Confidence) - 0.12, middling.Average(p => p.Confidence) + 0.15);
        Assert.True(confidentAccuracy > middlingAccuracy);
    }

    [Fact]
    public void Cross_validation_never_scores_a_ticket_with_a_model_that_trained_on_it()
    {
        // A triager that memorised its training set would be (nearly) perfect on it; the held-out folds are not.
        var inSample = trained.TrainingSet.Count(e => trained.Triager.Triage(e.Input).Category.Value == e.Category) / (double)trained.TrainingSet.Count;
        var predictions = TriageCrossValidation.Run(trained.TrainingSet, TriageField.Category, folds: 5);
        var outOfSample = predictions.Count(p => p.Expected == p.Predicted) / (double)predictions.Count;

        Assert.True(outOfSample < inSample, $"cross-validated {outOfSample:0.000} is not below in-sample {inSample:0.000}");
    }
}
