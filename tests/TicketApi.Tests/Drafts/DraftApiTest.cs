using System.Net;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Drafts;
using TicketApi.Mail;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Drafts;

/// <summary>
/// Base of the draft contract tests (docs/drafts.md, "Drafts over REST"): the real API on a fresh database of
/// the given store, with a <see cref="ScriptedDraftWriter"/> and a <see cref="RecordingOutbox"/> of this
/// test's own, so a test can script the writer and count what was staged.
/// </summary>
public abstract class DraftApiTest : TicketApiTest
{
    protected DraftApiTest(TicketStoreFixture store, ScriptedDraftWriter writer, RecordingOutbox outbox)
        : base(store, services =>
        {
            services.AddSingleton<IDraftWriter>(writer);
            services.AddSingleton<IOutbox>(outbox);
        })
    {
        Writer = writer;
        Outbox = outbox;
    }

    protected DraftApiTest(TicketStoreFixture store) : this(store, new ScriptedDraftWriter(), new RecordingOutbox())
    {
    }

    protected ScriptedDraftWriter Writer { get; }

    protected RecordingOutbox Outbox { get; }

    protected static string Draft(long id) => $"/api/tickets/{id}/draft";

    protected static string Send(long id) => $"/api/tickets/{id}/draft/send";

    protected static string History(long id) => $"/api/tickets/{id}/drafts/";

    protected async Task<long> CreateTicketIdAsync() => (long)(await CreateTicketAsync())["id"]!;

    /// <summary>Asks for a draft and asserts the status (201 for a new current draft, 200 for a replacement).</summary>
    protected async Task<JsonObject> WriteDraftAsync(long id, string body = "{}", HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await PostJsonAsync(Draft(id), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected async Task<JsonObject> GetHistoryAsync(long id)
    {
        var response = await Client.GetAsync(History(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadObjectAsync(response);
    }

    protected async Task<JsonObject> GetTicketObjectAsync(long id) => await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/"));

    protected async Task<long> ThreadCountAsync(long id) =>
        (long)(await ReadObjectAsync(await Client.GetAsync($"/api/tickets/{id}/messages/")))["count"]!;
}
