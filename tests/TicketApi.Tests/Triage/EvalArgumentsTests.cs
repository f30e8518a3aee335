using TriageEval;

namespace TicketApi.Tests.Triage;

/// <summary>The command line of eval/TriageEval (docs/triage.md, "Evaluation").</summary>
public sealed class EvalArgumentsTests
{
    [Fact]
    public void Cv_with_a_fold_count_is_accepted()
    {
        var parsed = EvalArguments.Parse(["--cv", "10", "--errors"]);

        Assert.Null(parsed.Error);
        Assert.Equal(10, parsed.Folds);
        Assert.True(parsed.ShowErrors);
    }

    [Fact]
    public void Holdout_with_a_path_is_accepted()
    {
        var parsed = EvalArguments.Parse(["--holdout", "eval/triage/holdout.jsonl"]);

        Assert.Null(parsed.Error);
        Assert.Equal("eval/triage/holdout.jsonl", parsed.HoldoutPath);
    }

    [Theory]
    [InlineData(new string[0], "exactly one of --cv K or --holdout PATH")]
    [InlineData(new[] { "--cv", "10", "--holdout", "x.jsonl" }, "exactly one of --cv K or --holdout PATH")]
    [InlineData(new[] { "--cv", "1" }, "'--cv'")]
    [InlineData(new[] { "--cv", "ten" }, "'--cv'")]
    [InlineData(new[] { "--holdout" }, "'--holdout'")]
    [InlineData(new[] { "--cv", "5", "--verbose" }, "'--verbose'")]
    [InlineData(new[] { "--cv", "5", "--set", "smoothing" }, "'--set'")]
    public void Bad_arguments_are_refused_with_a_message_naming_the_problem(string[] args, string expected)
    {
        var parsed = EvalArguments.Parse(args);

        Assert.NotNull(parsed.Error);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_overrides_a_training_setting()
    {
        var parsed = EvalArguments.Parse(["--cv", "5", "--set", "features=500"]);

        Assert.Null(parsed.Error);
        Assert.Equal(500, parsed.Settings["features"]);
    }
}
