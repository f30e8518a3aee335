using TicketApi.Triage;

namespace TicketApi.Tests.Triage;

public sealed class CalibrationTests
{
    [Fact]
    public void Temperature_fitting_cools_over_confident_scores()
    {
        // Scores say 99.9% every time, but only 3 in 4 are right: the fitted temperature must soften them.
        var scores = Enumerable.Range(0, 400).Select(_ => new[] { 7.0, 0.0 }).ToArray();
        var labels = Enumerable.Range(0, 400).Select(i => i % 4 == 0 ? 1 : 0).ToArray();

        var temperature = Calibration.FitTemperature(scores, labels);
        var probabilities = new[] { 7.0, 0.0 };
        Calibration.Softmax(probabilities, temperature);

        Assert.InRange(probabilities[0], 0.72, 0.78);
    }

    [Fact]
    public void The_confidence_map_brings_claimed_confidence_to_the_observed_rate_and_keeps_the_order()
    {
        // Claims 0.9 and 0.6, observed 0.7 and 0.4.
        var confidences = Enumerable.Range(0, 200).Select(i => i < 100 ? 0.9 : 0.6).ToArray();
        var correct = Enumerable.Range(0, 200).Select(i => i < 100 ? i % 10 < 7 : i % 10 < 4).ToArray();

        var map = ConfidenceMap.Fit(confidences, correct);

        Assert.InRange(map.Apply(0.9), 0.67, 0.73);
        Assert.InRange(map.Apply(0.6), 0.37, 0.43);
        Assert.True(map.Apply(0.95) > map.Apply(0.9));
    }

    [Fact]
    public void A_confidence_map_of_answers_that_are_all_right_leaves_confidence_unchanged()
    {
        var map = ConfidenceMap.Fit([0.6, 0.8], [true, true]);

        Assert.Equal(0.8, map.Apply(0.8), 6);
    }
}
