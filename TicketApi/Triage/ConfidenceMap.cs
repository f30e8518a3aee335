namespace TicketApi.Triage;

/// <summary>
/// Platt scaling of a confidence: <c>σ(a · logit(c) + b)</c>, fitted by Newton's method to minimise the
/// log loss of "was the answer right" over out-of-fold decisions (docs/triage.md, "Confidence").
/// Monotone, so a more confident answer stays more confident.
/// </summary>
internal sealed record ConfidenceMap(double Slope, double Intercept)
{
    private const double Floor = 1e-4;

    public static readonly ConfidenceMap Identity = new(1, 0);

    public double Apply(double confidence) => Sigmoid((Slope * Logit(confidence)) + Intercept);

    public static ConfidenceMap Fit(IReadOnlyList<double> confidences, IReadOnlyList<bool> correct)
    {
        ArgumentNullException.ThrowIfNull(confidences);
        ArgumentNullException.ThrowIfNull(correct);
        var all = 0;
        var right = 0;
        for (var i = 0; i < correct.Count; i++)
        {
            all++;
            right += correct[i] ? 1 : 0;
        }
        if (right == 0 || right == all)
        {
            return Identity; // Nothing to separate: a fit would run off to infinity.
        }
        double slope = 1, intercept = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            // Gradient and Hessian of the mean log loss in (slope, intercept), with a small ridge for stability.
            double gSlope = 1e-3 * (slope - 1), gIntercept = 1e-3 * intercept;
            double hSS = 1e-3, hSI = 0, hII = 1e-3;
            for (var i = 0; i < confidences.Count; i++)
            {
                var x = Logit(confidences[i]);
                var p = Sigmoid((slope * x) + intercept);
                var error = p - (correct[i] ? 1 : 0);
                var weight = p * (1 - p);
                gSlope += error * x / all;
                gIntercept += error / all;
                hSS += weight * x * x / all;
                hSI += weight * x / all;
                hII += weight / all;
            }
            var determinant = (hSS * hII) - (hSI * hSI);
            if (determinant <= 0)
            {
                break;
            }
            var stepSlope = ((hII * gSlope) - (hSI * gIntercept)) / determinant;
            var stepIntercept = ((hSS * gIntercept) - (hSI * gSlope)) / determinant;
            slope -= stepSlope;
            intercept -= stepIntercept;
            if (Math.Abs(stepSlope) + Math.Abs(stepIntercept) < 1e-9)
            {
                break;
            }
        }
        // A negative slope would invert the ranking of confidences; keep the map monotone increasing.
        return slope > 0 ? new ConfidenceMap(slope, intercept) : Identity;
    }

    private static double Logit(double p)
    {
        p = Math.Clamp(p, Floor, 1 - Floor);
        return Math.Log(p / (1 - p));
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
