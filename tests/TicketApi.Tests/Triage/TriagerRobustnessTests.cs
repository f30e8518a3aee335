using TicketApi.Triage;

namespace TicketApi.Tests.Triage;

/// <summary>Any text gets an answer, never an exception; text the model cannot read gets the fall-back values with low confidence.</summary>
[Collection(TrainedTriagerGroup.Name)]
public sealed class TriagerRobustnessTests(TrainedTriager trained)
{
    public static TheoryData<string, string?> UnreadableTickets => new()
    {
        { "Drucker", "Mein Drucker im dritten Stock druckt seit gestern nur noch leere Seiten, bitte helfen Sie mir." },
        { "プリンター", "三階のプリンターが昨日から白紙しか印刷しません。" },
        { "🙂🙂🙂", "🔥💻🔥 😭😭" },
        { "?", "" },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(UnreadableTickets))]
    public void Text_the_model_cannot_read_is_other_normal_neutral_with_low_confidence(string title, string? description)
    {
        var outcome = trained.Triage(title, description);

        Assert.Equal("OTHER", outcome.Category.Value);
        Assert.Equal("NORMAL", outcome.Priority.Value);
        Assert.Equal("NEUTRAL", outcome.Sentiment.Value);
        foreach (var field in TriageLabels.Fields)
        {
            Assert.InRange(outcome[field].Confidence, 0.0, 0.5);
            Assert.False(string.IsNullOrWhiteSpace(outcome[field].Reason));
        }
    }

    [Fact]
    public void An_empty_description_is_triaged_from_the_title()
    {
        var outcome = trained.Triage("VPN keeps dropping on my laptop", "");

        Assert.Equal("NETWORK", outcome.Category.Value);
    }

    [Fact]
    public void A_20000_character_description_is_triaged_quickly_without_error()
    {
        var description = string.Concat(Enumerable.Repeat("The printer on floor 3 jams on every page and shows paper jam in tray 2. ", 300))[..20_000];

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = trained.Triage("Printer jams", description);

        Assert.Equal("HARDWARE", outcome.Category.Value);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Emoji_inside_an_english_ticket_do_not_disturb_it()
    {
        var outcome = trained.Triage("Thank you!! 🎉🙏", "Huge thanks for fixing my docking station so fast, you are stars 🌟💙");

        Assert.Equal("POSITIVE", outcome.Sentiment.Value);
    }

    [Fact]
    public void Control_characters_and_lone_surrogates_do_not_throw()
    {
        var outcome = trained.Triage("wifi\0\u0007 down", "the wifi \ud800 is down \u202e again\r\n\t");

        Assert.Contains(outcome.Category.Value, TriageLabels.Categories);
    }

    [Fact]
    public void A_missing_input_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => trained.Triager.Triage(null!));
    }
}
