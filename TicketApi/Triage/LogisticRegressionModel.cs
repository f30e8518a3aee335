namespace TicketApi.Triage;

/// <summary>
/// Multinomial logistic regression over binary features with L2 regularisation, trained by stochastic
/// gradient descent with AdaGrad step sizes in a fixed pseudo-random order (so training is deterministic).
/// Unlike naive Bayes it weighs correlated evidence once, which matters when a ticket repeats itself.
/// Immutable after training: safe to share.
/// </summary>
internal sealed class LogisticRegressionModel : IFieldClassifier
{
    private const double LearningRate = 0.5;
    private const int Epochs = 12;

    private readonly double[] weights; // [class * featureCount + feature]
    private readonly double[] biases;
    private readonly int featureCount;

    private LogisticRegressionModel(double[] weights, double[] biases, int featureCount)
    {
        this.weights = weights;
        this.biases = biases;
        this.featureCount = featureCount;
    }

    public static LogisticRegressionModel Train(IReadOnlyList<int[]> documents, IReadOnlyList<int> labels, int classCount, int featureCount, double regularisation)
    {
        var weights = new double[classCount * featureCount];
        var squaredGradients = new double[classCount * featureCount];
        var biases = new double[classCount];
        var biasSquaredGradients = new double[classCount];
        Span<double> probabilities = stackalloc double[classCount];
        var order = new int[documents.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var random = new Random(17);
        var model = new LogisticRegressionModel(weights, biases, featureCount);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var d in order)
            {
                var document = documents[d];
                model.Score(document, probabilities);
                Calibration.Softmax(probabilities, 1.0);
                for (var c = 0; c < classCount; c++)
                {
                    var error = probabilities[c] - (labels[d] == c ? 1.0 : 0.0);
                    biasSquaredGradients[c] += error * error;
                    biases[c] -= LearningRate * error / Math.Sqrt(biasSquaredGradients[c] + 1e-8);
                    var row = c * featureCount;
                    foreach (var f in document)
                    {
                        var gradient = error + (regularisation * weights[row + f]);
                        squaredGradients[row + f] += gradient * gradient;
                        weights[row + f] -= LearningRate * gradient / Math.Sqrt(squaredGradients[row + f] + 1e-8);
                    }
                }
            }
        }
        return model;
    }

    public void Score(ReadOnlySpan<int> features, Span<double> scores)
    {
        for (var c = 0; c < biases.Length; c++)
        {
            var score = biases[c];
            var row = weights.AsSpan(c * featureCount, featureCount);
            foreach (var feature in features)
            {
                score += row[feature];
            }
            scores[c] = score;
        }
    }

    public double Leaning(int feature, int chosen, int rival) =>
        weights[(chosen * featureCount) + feature] - weights[(rival * featureCount) + feature];
}
