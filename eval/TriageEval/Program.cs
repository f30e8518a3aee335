using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using TicketApi.ModelTriage;
using TicketApi.Triage;

namespace TriageEval;

/// <summary>
/// Measures the offline triager (docs/triage.md, "Evaluation"):
///   dotnet run --project eval/TriageEval -- --cv 10              stratified 10-fold CV on the training set
///   dotnet run --project eval/TriageEval -- --holdout PATH       train on all of train.jsonl, score PATH once
/// Options: --train PATH (default: the set embedded in TicketApi), --errors (list CV mistakes), --no-rules,
/// --model (score the model configured as for the service, OPENAI_* or AZURE_OPENAI_*, on the same tickets).
/// </summary>
internal static class EvalProgram
{
    public static async Task<int> Main(string[] args)
    {
        var arguments = EvalArguments.Parse(args);
        if (arguments.Error is { } error)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine("usage: TriageEval (--cv K | --holdout PATH) [--train PATH] [--errors] [--no-rules] [--set smoothing|features|min-df=N] [--model]");
            return 2;
        }
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var (modelSettings, modelError) = ModelEvaluation.Configured(environment);
        if (arguments.Model && modelError is not null)
        {
            // Before any work: the person asked for the model's figures and would otherwise wait for the offline ones first.
            Console.Error.WriteLine(modelError);
            return 2;
        }

        var training = arguments.TrainPath is null ? TriageTrainingSet.LoadEmbedded() : TriageTrainingSet.LoadFile(arguments.TrainPath);
        var options = new OfflineTriagerOptions { UseRules = !arguments.NoRules };
        // --set name=value overrides a training setting, to compare settings by cross-validation.
        options = options with
        {
            Smoothing = arguments.Settings.GetValueOrDefault("smoothing", options.Smoothing),
            FeaturesPerField = (int)arguments.Settings.GetValueOrDefault("features", options.FeaturesPerField),
            MinDocumentFrequency = (int)arguments.Settings.GetValueOrDefault("min-df", options.MinDocumentFrequency),
        };
        Console.WriteLine($"# Offline triager evaluation ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine();

        if (arguments.Folds is { } folds)
        {
            Console.WriteLine($"Stratified {folds}-fold cross-validation on {training.Count} training tickets (folds stratified by the field scored; rules {(options.UseRules ? "on" : "off")}).");
            Console.WriteLine();
            foreach (var field in TriageLabels.Fields)
            {
                var report = new FieldReport(field, TriageCrossValidation.Run(training, field, folds, options));
                Console.WriteLine(report.Render());
                if (arguments.ShowErrors)
                {
                    Console.WriteLine(report.RenderErrors());
                }
            }
        }
        else
        {
            var holdout = TriageTrainingSet.LoadFile(arguments.HoldoutPath!);
            var triager = OfflineTriager.Train(training, options);
            Console.WriteLine($"Trained on all {training.Count} training tickets, scored on {holdout.Count} held-out tickets ({arguments.HoldoutPath}).");
            Console.WriteLine();
            foreach (var field in TriageLabels.Fields)
            {
                // Only the figures: a blind set's items are never printed, so nobody can tune to them.
                Console.WriteLine(new FieldReport(field, TriageCrossValidation.Score(triager, holdout, field)).Render());
            }
        }

        PrintTiming(training, options);

        if (!arguments.Model)
        {
            if (modelSettings is not null)
            {
                Console.WriteLine();
                Console.WriteLine($"A model is configured ({modelSettings.Provider}); add --model to score it on the same tickets (one request per ticket).");
            }
            return 0;
        }
        var scored = arguments.Folds is null ? TriageTrainingSet.LoadFile(arguments.HoldoutPath!) : training;
        var result = await ModelEvaluation.RunAsync(OpenAITriageModel.Create(modelSettings!.Provider), OfflineTriager.Train(training, options),
            scored, modelSettings.Timeout, CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine(ModelEvaluation.Render(result, modelSettings.Provider.ToString()));
        return 0;
    }

    private static void PrintTiming(IReadOnlyList<TriageExample> training, OfflineTriagerOptions options)
    {
        var trainingTimes = new List<double>();
        OfflineTriager? triager = null;
        var trainingCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var run = 0; run < 7; run++)
        {
            triager = OfflineTriager.Train(training, options);
            trainingTimes.Add(triager.TrainingTime.TotalMilliseconds);
        }
        var trainingCpu = (Process.GetCurrentProcess().TotalProcessorTime - trainingCpuBefore).TotalMilliseconds / 7;
        var perTicket = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var round = 0; round < 30; round++)
        {
            foreach (var example in training)
            {
                var input = example.Input;
                var start = Stopwatch.GetTimestamp();
                triager!.Triage(input);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                if (round > 0)
                {
                    perTicket.Add(elapsed);
                }
            }
        }
        // Wall-clock percentiles include time the process waited for a core; the CPU time per call does not
        // (it is the whole process's CPU, garbage collection included, over the same calls).
        var cpuPerTicket = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / (30 * training.Count);
        trainingTimes.Sort();
        perTicket.Sort();
        Console.WriteLine("## Timing");
        Console.WriteLine();
        Console.WriteLine($"Training on {training.Count} tickets: first (cold, JIT) {trainingTimes.Max():0.0} ms, median of 7 {trainingTimes[3]:0.0} ms; CPU time per training {trainingCpu:0.0} ms.");
        Console.WriteLine($"Triage per ticket ({perTicket.Count} calls over the training tickets, warm): p50 {Percentile(perTicket, 0.50):0.0} µs, p99 {Percentile(perTicket, 0.99):0.0} µs; CPU time per call {cpuPerTicket:0.0} µs; load average {LoadAverage()}.");
        Console.WriteLine($"Temperatures: category {triager!.Temperature(TriageField.Category):0.00}, priority {triager.Temperature(TriageField.Priority):0.00}, sentiment {triager.Temperature(TriageField.Sentiment):0.00}.");
        Console.WriteLine($"Lexicon weights: category {triager.EvidenceWeight(TriageField.Category):0.00}, priority {triager.EvidenceWeight(TriageField.Priority):0.00}, sentiment {triager.EvidenceWeight(TriageField.Sentiment):0.00}.");
        Console.WriteLine();
        Console.WriteLine("Rule precision on the training tickets (the confidence each rule reports):");
        foreach (var rule in Enum.GetValues<TriageRule>())
        {
            Console.WriteLine($"- {rule}: {triager.RulePrecision(rule):0.000}");
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
}
