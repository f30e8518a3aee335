using System.Globalization;
using System.Text;
using TicketApi.Triage;

namespace TriageEval;

/// <summary>Accuracy, macro-F1, per-label precision/recall, confusion matrix and reliability of one field.</summary>
internal sealed class FieldReport
{
    private const int ReliabilityBins = 5;

    private readonly TriageField field;
    private readonly IReadOnlyList<string> labels;
    private readonly IReadOnlyList<TriagePrediction> predictions;
    private readonly int[,] confusion;

    public FieldReport(TriageField field, IReadOnlyList<TriagePrediction> predictions)
    {
        this.field = field;
        this.predictions = predictions;
        labels = TriageLabels.Of(field);
        confusion = new int[labels.Count, labels.Count];
        foreach (var p in predictions)
        {
            confusion[TriageLabels.IndexOf(field, p.Expected), TriageLabels.IndexOf(field, p.Predicted)]++;
        }
    }

    public double Accuracy
    {
        get
        {
            var right = 0;
            for (var i = 0; i < labels.Count; i++)
            {
                right += confusion[i, i];
            }
            return predictions.Count == 0 ? 0 : (double)right / predictions.Count;
        }
    }

    public double MacroF1
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < labels.Count; i++)
            {
                var (precision, recall) = PrecisionRecall(i);
                sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            }
            return sum / labels.Count;
        }
    }

    /// <summary>Expected calibration error: the confidence-weighted gap between confidence and accuracy.</summary>
    public double CalibrationError
    {
        get
        {
            var error = 0.0;
            foreach (var bin in Bins())
            {
                error += bin.Count == 0 ? 0 : Math.Abs(bin.MeanConfidence - bin.Accuracy) * bin.Count / predictions.Count;
            }
            return error;
        }
    }

    public string Render()
    {
        var text = new StringBuilder();
        var name = field.ToString().ToLowerInvariant();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {name}: accuracy {Accuracy:0.000}, macro-F1 {MacroF1:0.000}, calibration error {CalibrationError:0.000} (n = {predictions.Count})");
        text.AppendLine();
        text.AppendLine("| label | precision | recall | F1 | support |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        for (var i = 0; i < labels.Count; i++)
        {
            var (precision, recall) = PrecisionRecall(i);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            var support = 0;
            for (var j = 0; j < labels.Count; j++)
            {
                support += confusion[i, j];
            }
            text.AppendLine(CultureInfo.InvariantCulture, $"| {labels[i]} | {precision:0.000} | {recall:0.000} | {f1:0.000} | {support} |");
        }
        text.AppendLine();
        text.AppendLine("Confusion matrix (rows: expected, columns: predicted):");
        text.AppendLine();
        text.Append("| expected \\ predicted |");
        foreach (var label in labels)
        {
            text.Append(CultureInfo.InvariantCulture, $" {label} |");
        }
        text.AppendLine();
        text.Append("|---|");
        text.AppendLine(string.Concat(Enumerable.Repeat("---:|", labels.Count)));
        for (var i = 0; i < labels.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {labels[i]} |");
            for (var j = 0; j < labels.Count; j++)
            {
                text.Append(CultureInfo.InvariantCulture, $" {confusion[i, j]} |");
            }
            text.AppendLine();
        }
        text.AppendLine();
        text.AppendLine("Reliability (is a confidence of x right x of the time?):");
        text.AppendLine();
        text.AppendLine("| confidence | tickets | mean confidence | accuracy |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var bin in Bins())
        {
            text.AppendLine(bin.Count == 0
                ? $"| {bin.Range} | 0 | - | - |"
                : string.Create(CultureInfo.InvariantCulture, $"| {bin.Range} | {bin.Count} | {bin.MeanConfidence:0.000} | {bin.Accuracy:0.000} |"));
        }
        return text.ToString();
    }

    /// <summary>The mistakes, for reading against the guidelines (training set only: never print a blind set's items).</summary>
    public string RenderErrors()
    {
        var text = new StringBuilder();
        foreach (var p in predictions.Where(p => p.Expected != p.Predicted))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{p.Id} expected {p.Expected} got {p.Predicted} ({p.Confidence:0.00}): {p.Reason}");
        }
        return text.ToString();
    }

    private (double Precision, double Recall) PrecisionRecall(int label)
    {
        var predicted = 0;
        var actual = 0;
        for (var j = 0; j < labels.Count; j++)
        {
            predicted += confusion[j, label];
            actual += confusion[label, j];
        }
        var right = confusion[label, label];
        return (predicted == 0 ? 0 : (double)right / predicted, actual == 0 ? 0 : (double)right / actual);
    }

    private IEnumerable<ReliabilityBin> Bins()
    {
        for (var b = 0; b < ReliabilityBins; b++)
        {
            var low = (double)b / ReliabilityBins;
            var high = (double)(b + 1) / ReliabilityBins;
            var inBin = predictions.Where(p => p.Confidence >= low && (p.Confidence < high || (b == ReliabilityBins - 1 && p.Confidence <= high))).ToList();
            yield return new ReliabilityBin(
                string.Create(CultureInfo.InvariantCulture, $"{low:0.0}-{high:0.0}"),
                inBin.Count,
                inBin.Count == 0 ? 0 : inBin.Average(p => p.Confidence),
                inBin.Count == 0 ? 0 : inBin.Count(p => p.Expected == p.Predicted) / (double)inBin.Count);
        }
    }

    private sealed record ReliabilityBin(string Range, int Count, double MeanConfidence, double Accuracy);
}
