using Microsoft.Extensions.DependencyInjection;
using TicketApi.Drafts;
using TicketApi.Drafts.Writing;
using TicketApi.Drafts.Writing.Model;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Drafts;

/// <summary>Which writer <c>AddDraftWriting</c> registers (docs/drafts.md, "Writing a draft with a model").</summary>
public sealed class DraftWritingRegistrationTests() : DraftWriterTest(SqliteStore.Instance)
{
    [Fact]
    public void Without_a_model_the_offline_writer_drafts() =>
        Assert.IsType<OfflineDraftWriter>(Factory.Services.GetRequiredService<IDraftWriter>());

    [Theory]
    [InlineData("", "model:gpt-configured")]
    [InlineData("gpt-drafts", "model:gpt-drafts")]
    public void With_a_model_configured_the_model_writer_drafts_under_its_name(string draftModel, string generatedBy)
    {
        using var configured = Factory.WithWebHostBuilder(builder => builder
            .UseSetting("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
            .UseSetting("OPENAI_MODEL", "gpt-configured")
            .UseSetting("DRAFT_MODEL", draftModel));
        var writer = Assert.IsType<ModelDraftWriter>(configured.Services.GetRequiredService<IDraftWriter>());
        Assert.Equal(generatedBy, writer.GeneratedBy);
    }

    [Fact]
    public void Draft_model_off_keeps_drafting_offline_with_a_model_configured()
    {
        using var configured = Factory.WithWebHostBuilder(builder => builder
            .UseSetting("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
            .UseSetting("DRAFT_MODEL", "OFF"));
        Assert.IsType<OfflineDraftWriter>(configured.Services.GetRequiredService<IDraftWriter>());
    }
}
