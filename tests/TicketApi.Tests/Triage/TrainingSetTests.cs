using TicketApi.Triage;

namespace TicketApi.Tests.Triage;

public sealed class TrainingSetTests
{
    [Fact]
    public void The_training_set_is_embedded_in_the_ticket_service_assembly()
    {
        var examples = TriageTrainingSet.LoadEmbedded();

        Assert.Equal(400, examples.Count);
        Assert.Equal("t001", examples[0].Id);
        Assert.Equal("t400", examples[^1].Id);
        Assert.Equal(400, examples.Select(e => e.Id).Distinct().Count());
        foreach (var field in TriageLabels.Fields)
        {
            // Every label value is represented, so every class gets a model.
            Assert.Equal(TriageLabels.Of(field).Order(), examples.Select(e => e.Label(field)).Distinct().Order());
        }
    }

    [Fact]
    public void An_unknown_label_is_reported_with_its_line_number()
    {
        var lines = """
            {"id": "x1", "title": "a", "description": "b", "requester_name": null, "category": "NETWORK", "priority": "LOW", "sentiment": "NEUTRAL"}
            {"id": "x2", "title": "a", "description": "b", "requester_name": null, "category": "PRINTERS", "priority": "LOW", "sentiment": "NEUTRAL"}
            """;

        var error = Assert.Throws<InvalidDataException>(() => TriageTrainingSet.Parse(new StringReader(lines), "test.jsonl"));

        Assert.Contains("test.jsonl:2", error.Message, StringComparison.Ordinal);
        Assert.Contains("PRINTERS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_is_not_json_is_a_parse_error()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => TriageTrainingSet.Parse(new StringReader("{not json"), "broken.jsonl"));
    }

    [Fact]
    public void Training_on_nothing_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => OfflineTriager.Train([]));
    }
}
