using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Triage;

namespace TicketApi.Tests.Triage;

/// <summary>Shape, confidence, reasons, determinism and thread safety of the offline triager.</summary>
[Collection(TrainedTriagerGroup.Name)]
public sealed partial class TriagerBehaviourTests(TrainedTriager trained)
{
    [Fact]
    public void Every_answer_has_a_known_value_a_confidence_in_0_to_1_a_reason_and_source_rules()
    {
        foreach (var example in trained.TrainingSet)
        {
            var outcome = trained.Triager.Triage(example.Input);
            foreach (var field in TriageLabels.Fields)
            {
                var answer = outcome[field];
                Assert.Contains(answer.Value, TriageLabels.Of(field));
                Assert.InRange(answer.Confidence, 0.0, 1.0);
                Assert.False(string.IsNullOrWhiteSpace(answer.Reason), $"{example.Id} {field} has no reason");
                Assert.Equal("rules", answer.Source);
            }
        }
    }

    [Fact]
    public void Every_phrase_a_reason_quotes_is_in_the_ticket()
    {
        foreach (var example in trained.TrainingSet)
        {
            var outcome = trained.Triager.Triage(example.Input);
            var ticket = Normalise($"{example.Title}\n{example.Description}");
            foreach (var field in TriageLabels.Fields)
            {
                foreach (Match quoted in QuotedPhrase().Matches(outcome[field].Reason))
                {
                    Assert.Contains(Normalise(quoted.Groups[1].Value), ticket, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void A_learned_reason_quotes_the_telling_words_of_the_ticket()
    {
        var outcome = trained.Triage("VPN tunnel keeps dropping", "The GlobalProtect VPN tunnel drops every few minutes when I work from home.");

        Assert.Equal("NETWORK", outcome.Category.Value);
        Assert.Matches("\"[^\"]+\"", outcome.Category.Reason);
    }

    [Fact]
    public void A_clear_ticket_gets_more_confidence_than_a_vague_one()
    {
        var clear = trained.Triage("VPN drops", "My VPN disconnects every ten minutes; the wifi and the internet are fine, only the VPN tunnel drops.");
        var vague = trained.Triage("problem", "something is not right with my thing, can you look at it");

        Assert.True(clear.Category.Confidence > vague.Category.Confidence, $"clear {clear.Category.Confidence} vs vague {vague.Category.Confidence}");
        Assert.True(clear.Category.Confidence >= 0.8, $"clear ticket only {clear.Category.Confidence}");
    }

    [Fact]
    public void Two_triagers_trained_on_the_same_set_answer_identically()
    {
        var other = OfflineTriager.TrainOnEmbeddedSet();

        foreach (var example in trained.TrainingSet)
        {
            Assert.Equal(trained.Triager.Triage(example.Input), other.Triage(example.Input));
        }
    }

    [Fact]
    public async Task Triage_from_many_threads_at_once_gives_the_same_answers_as_one_thread()
    {
        var inputs = trained.TrainingSet.Select(e => e.Input).ToArray();
        var sequential = inputs.Select(trained.Triager.Triage).ToArray();

        var parallel = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => inputs.Select(trained.Triager.Triage).ToArray())));

        foreach (var run in parallel)
        {
            Assert.Equal(sequential, run);
        }
    }

    [Fact]
    public void The_triaged_value_serialises_as_the_triage_object_of_the_contract()
    {
        var json = JsonSerializer.Serialize(new TriagedValue("NETWORK", 0.92, "mentions \"vpn\"", "rules"));

        Assert.Equal("{\"value\":\"NETWORK\",\"confidence\":0.92,\"reason\":\"mentions \\u0022vpn\\u0022\",\"source\":\"rules\"}", json);
    }

    [Fact]
    public void AddOfflineTriager_registers_one_shared_instance()
    {
        using var provider = new ServiceCollection().AddOfflineTriager().BuildServiceProvider();

        var first = provider.GetRequiredService<OfflineTriager>();

        Assert.Same(first, provider.GetRequiredService<OfflineTriager>());
        Assert.Equal("NETWORK", first.Triage(new TriageInput("wifi down", "The wifi in my room drops every few minutes.")).Category.Value);
    }

    private static string Normalise(string text) => text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('`', '\'');

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedPhrase();
}
