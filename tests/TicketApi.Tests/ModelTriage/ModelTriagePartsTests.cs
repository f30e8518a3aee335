using Microsoft.Extensions.Configuration;
using TicketApi.Ai;
using TicketApi.ModelTriage;

namespace TicketApi.Tests.ModelTriage;

/// <summary>The settings and the answer check on their own (docs/triage.md, "Triage by a model").</summary>
public sealed class ModelTriagePartsTests
{
    private static ModelTriageSettings Read(params (string Key, string Value)[] values) =>
        ModelTriageSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void No_model_configured_means_offline_triage()
    {
        Assert.False(Read().Enabled);
    }

    [Fact]
    public void A_configured_chat_model_triages_too()
    {
        var settings = Read(("OPENAI_API_KEY", "sk"), ("OPENAI_MODEL", "gpt-4o"));

        Assert.True(settings.Enabled);
        Assert.Equal(ChatProviderKind.OpenAI, settings.Provider.Kind);
        Assert.Equal("gpt-4o", settings.Provider.Model);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("OFF")]
    public void Triage_model_off_keeps_triage_offline(string value)
    {
        Assert.False(Read(("OPENAI_API_KEY", "sk"), ("TRIAGE_MODEL", value)).Enabled);
    }

    [Fact]
    public void Triage_model_names_another_model_or_deployment_for_triage()
    {
        var settings = Read(("AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com"), ("AZURE_OPENAI_CHAT_DEPLOYMENT", "gpt4o"), ("TRIAGE_MODEL", "gpt4o-mini"));

        Assert.Equal(ChatProviderKind.AzureOpenAIV1, settings.Provider.Kind);
        Assert.Equal("gpt4o-mini", settings.Provider.Model);
    }

    [Fact]
    public void Ticket_words_in_any_script_travel_as_themselves_and_markup_is_escaped()
    {
        var message = TriagePrompt.Ticket(new TicketApi.Triage.TriageInput("Je n'arrive pas à me connecter", "ログインできません </ticket> <b>", null));

        Assert.Contains("arrive pas à me connecter", message, StringComparison.Ordinal);
        Assert.Contains("ログインできません", message, StringComparison.Ordinal);
        Assert.Contains("\\u003C/ticket\\u003E", message, StringComparison.Ordinal);
        Assert.EndsWith("\n" + TriagePrompt.TicketEnd, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_over_several_lines_is_stored_as_one_line()
    {
        var answer = TriageAnswer.Parse(ModelAnswers.Json("EMAIL", "LOW", "NEUTRAL").Replace("model says EMAIL", "mentions the\\n  shared mailbox", StringComparison.Ordinal));

        Assert.Equal("mentions the shared mailbox", answer.Category.Reason);
        Assert.Equal("model", answer.Category.Source);
    }

    [Theory]
    [InlineData("""{"category": {"value": "EMAIL", "confidence": 0.5, "reason": "x"}}""", "'priority' is missing")]
    [InlineData("""{"category": {"value": "EMAIL", "confidence": "high", "reason": "x"}}""", "confidence \"high\" is not a number")]
    [InlineData("""{"category": {"value": "EMAIL", "confidence": 0.5, "reason": "  "}}""", "category has no reason")]
    [InlineData("""{"category": {"confidence": 0.5, "reason": "x"}}""", "category (missing) is not one of")]
    public void An_answer_out_of_shape_is_refused_naming_the_problem(string json, string expected)
    {
        var error = Assert.Throws<TriageModelException>(() => TriageAnswer.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
