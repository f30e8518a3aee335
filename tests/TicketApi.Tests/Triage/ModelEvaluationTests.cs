using System.Globalization;
using AgentTickets.Testing;
using Microsoft.Extensions.Configuration;
using TicketApi.Ai;
using TicketApi.Data;
using TicketApi.ModelTriage;
using TicketApi.Tests.ModelTriage;
using TicketApi.Triage;
using TriageEval;

namespace TicketApi.Tests.Triage;

/// <summary>eval/TriageEval --model (docs/triage.md, "Evaluation"), against the local fake OpenAI server.</summary>
public sealed class ModelEvaluationTests
{
    private static readonly TriageExample[] Examples =
    [
        new("m1", "VPN drops", "The tunnel drops.", null, "NETWORK", "HIGH", "NEUTRAL"),
        new("m2", "VPN slow", "It is slow, annoying.", null, "NETWORK", "LOW", "NEGATIVE"),
        new("m3", "Mailbox full", "Cannot receive mail.", null, "EMAIL", "HIGH", "NEUTRAL"),
        new("m4", "FAIL-ME printer jam", "The printer jams.", null, "HARDWARE", "NORMAL", "NEUTRAL"),
    ];

    [Fact]
    public async Task The_model_is_scored_per_field_and_a_failed_ticket_is_scored_with_the_offline_answer()
    {
        // The fake answers NETWORK/HIGH/NEUTRAL to every ticket, and 500 to the one marked FAIL-ME.
        await using var model = await FakeOpenAIServer.StartAsync((_, request) =>
            request.Json.GetProperty("messages")[1].GetProperty("content").GetString()!.Contains("FAIL-ME", StringComparison.Ordinal)
                ? FakeReply.Error(500, "boom")
                : FakeReply.Completion(ModelAnswers.Json("NETWORK", "HIGH", "NEUTRAL")));
        var settings = new ChatProviderSettings(ChatProviderKind.OpenAI, new Uri(model.BaseUrl, "v1"), "sk", "gpt-eval") { MaxRetries = 0 };
        var offline = TriageBackfill.SharedTriager();

        var result = await ModelEvaluation.RunAsync(OpenAITriageModel.Create(settings), offline, Examples, TimeSpan.FromSeconds(20), CancellationToken.None);

        Assert.Equal(4, model.Requests.Count);
        Assert.Single(result.Failures);
        Assert.Equal(3, result.LatencyMs.Count);
        var category = result.Predictions[TriageField.Category];
        Assert.Equal(["NETWORK", "NETWORK", "NETWORK", offline.Triage(Examples[3].Input).Category.Value], category.Select(p => p.Predicted));
        var text = ModelEvaluation.Render(result, "openai model=gpt-eval");
        Assert.Contains("3 of 4 tickets answered by the model; 1 failed", text, StringComparison.Ordinal);
        Assert.Contains("- failed 1x: the provider answered HTTP 500", text, StringComparison.Ordinal);
        // HIGH is right on m1 and m3; m4 is right if the offline triager says NORMAL.
        var priorityRight = 2 + (offline.Triage(Examples[3].Input).Priority.Value == "NORMAL" ? 1 : 0);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"## priority: accuracy {priorityRight / 4.0:0.000}"), text, StringComparison.Ordinal);
        Assert.Contains("## sentiment: accuracy", text, StringComparison.Ordinal);
        Assert.Contains("Confusion matrix", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL-ME", text, StringComparison.Ordinal); // figures only, never the items
    }

    [Theory]
    [InlineData(null, "no model is configured")]
    [InlineData("off", "TRIAGE_MODEL=off")]
    public void Without_a_model_the_command_says_so_clearly(string? triageModel, string expected)
    {
        var values = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = triageModel is null ? null : "sk", ["TRIAGE_MODEL"] = triageModel };
        var (settings, error) = ModelEvaluation.Configured(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        Assert.Null(settings);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_is_a_switch_beside_cv_or_holdout()
    {
        Assert.True(EvalArguments.Parse(["--cv", "5", "--model"]).Model);
        Assert.False(EvalArguments.Parse(["--cv", "5"]).Model);
    }
}
