using System.Globalization;

namespace TriageEval;

/// <summary>The command line: exactly one of --cv K or --holdout PATH, plus switches.</summary>
internal sealed record EvalArguments(int? Folds, string? HoldoutPath, string? TrainPath, bool ShowErrors, bool NoRules, string? Error)
{
    /// <summary>--model: score the configured model too, on the same tickets (the training set for --cv, the hold-out for --holdout).</summary>
    public bool Model { get; init; }

    public Dictionary<string, double> Settings { get; } = [];

    public static EvalArguments Parse(IReadOnlyList<string> args)
    {
        int? folds = null;
        string? holdout = null;
        string? train = null;
        var errors = false;
        var noRules = false;
        var model = false;
        var settings = new Dictionary<string, double>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--cv" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 2:
                    folds = k;
                    i++;
                    break;
                case "--holdout" when i + 1 < args.Count:
                    holdout = args[++i];
                    break;
                case "--train" when i + 1 < args.Count:
                    train = args[++i];
                    break;
                case "--errors":
                    errors = true;
                    break;
                case "--set" when i + 1 < args.Count && args[i + 1].Split('=') is [var key, var value] && double.TryParse(value, CultureInfo.InvariantCulture, out var number):
                    settings[key] = number;
                    i++;
                    break;
                case "--no-rules":
                    noRules = true;
                    break;
                case "--model":
                    model = true;
                    break;
                default:
                    return new EvalArguments(null, null, null, false, false, $"unknown or incomplete argument '{args[i]}' (--cv needs a whole number >= 2)");
            }
        }
        if ((folds is null) == (holdout is null))
        {
            return new EvalArguments(null, null, null, false, false, "give exactly one of --cv K or --holdout PATH");
        }
        var parsed = new EvalArguments(folds, holdout, train, errors, noRules, null) { Model = model };
        foreach (var (key, value) in settings)
        {
            parsed.Settings[key] = value;
        }
        return parsed;
    }
}
