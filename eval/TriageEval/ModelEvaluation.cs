using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using TicketApi.ModelTriage;
using TicketApi.Triage;

namespace TriageEval;

/// <summary>
/// Scores a model the way the service uses it (docs/triage.md, "Evaluation"): the same prompt, schema and
/// answer check (<see cref="ITriageModel"/>), one request per ticket, a few at a time. A ticket the model
/// fails on gets the offline triager's answer, as the service falls back to it; failures are counted and
/// their reasons summarised, so a table built on fallbacks cannot pass for the model's.
/// </summary>
internal static class ModelEvaluation
{
    /// <summary>Requests in flight at once: quick enough for 400 tickets, gentle on rate limits.</summary>
    public const int Parallelism = 4;

    public sealed record Result(
        IReadOnlyDictionary<TriageField, IReadOnlyList<TriagePrediction>> Predictions,
        IReadOnlyList<string> Failures,
        IReadOnlyList<double> LatencyMs);

    /// <summary>The settings from the environment, or an error saying why there is no model to score.</summary>
    public static (ModelTriageSettings? Settings, string? Error) Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = ModelTriageSettings.FromConfiguration(configuration);
        if (settings.Enabled)
        {
            return (settings, null);
        }
        return (null, string.Equals(configuration["TRIAGE_MODEL"]?.Trim(), ModelTriageSettings.OffValue, StringComparison.OrdinalIgnoreCase)
            ? "--model: TRIAGE_MODEL=off turns model triage off; unset it to score the configured model."
            : "--model: no model is configured. Set OPENAI_API_KEY (and OPENAI_MODEL, or OPENAI_BASE_URL for an OpenAI-compatible server) or AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_CHAT_DEPLOYMENT, as for the agent host.");
    }

    public static async Task<Result> RunAsync(ITriageModel model, OfflineTriager fallback, IReadOnlyList<TriageExample> examples,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(examples);
        var answers = new TriageOutcome[examples.Count];
        var failures = new ConcurrentBag<string>();
        var latency = new ConcurrentBag<double>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, examples.Count), options, async (i, token) =>
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
            deadline.CancelAfter(timeout);
            var start = Stopwatch.GetTimestamp();
            try
            {
                answers[i] = await model.TriageAsync(examples[i].Input, deadline.Token);
                latency.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (Exception ex) when (!token.IsCancellationRequested && TriageModelFailure.Describe(ex, timeout) is { } reason)
            {
                failures.Add(reason);
                answers[i] = fallback.Triage(examples[i].Input);
            }
        });
        var predictions = new Dictionary<TriageField, IReadOnlyList<TriagePrediction>>();
        foreach (var field in TriageLabels.Fields)
        {
            predictions[field] = examples.Select((example, i) =>
            {
                var answer = answers[i][field];
                return new TriagePrediction(example.Id, example.Label(field), answer.Value, answer.Confidence, answer.Reason);
            }).ToList();
        }
        var sorted = latency.ToList();
        sorted.Sort();
        return new Result(predictions, [.. failures], sorted);
    }

    /// <summary>The figures: a summary line, then per field the same table as the offline triager's.</summary>
    public static string Render(Result result, string model)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var total = result.Predictions[TriageField.Category].Count;
        text.AppendLine(CultureInfo.InvariantCulture, $"# Model triage: {model}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{total - result.Failures.Count} of {total} tickets answered by the model; {result.Failures.Count} failed and are scored with the offline triager's answer, as the service falls back to it.");
        if (result.LatencyMs.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Latency per answered ticket ({Parallelism} requests at a time): p50 {Percentile(result.LatencyMs, 0.50):0} ms, p95 {Percentile(result.LatencyMs, 0.95):0} ms, max {result.LatencyMs[^1]:0} ms.");
        }
        foreach (var (reason, count) in result.Failures.GroupBy(Kind).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- failed {count}x: {reason}");
        }
        text.AppendLine();
        foreach (var field in TriageLabels.Fields)
        {
            text.AppendLine(new FieldReport(field, result.Predictions[field]).Render());
        }
        return text.ToString();
    }

    /// <summary>
    /// Failure reasons grouped by their kind (the text before any parenthesis or colon), so a summary is a few
    /// lines and quotes nothing a model echoed from a ticket (a blind set's items are never printed).
    /// </summary>
    private static string Kind(string reason)
    {
        var cut = reason.IndexOfAny(['(', ':']);
        return cut < 0 ? reason : reason[..cut].TrimEnd();
    }

    private static double Percentile(IReadOnlyList<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
}
