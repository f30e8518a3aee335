using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Contracts;
using TicketApi.Drafts;
using TicketApi.Drafts.Writing;
using TicketApi.KnowledgeBase;
using TicketApi.KnowledgeBase.Storage;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Drafts;

/// <summary>Base of the draft writer tests: the ticket service (starter articles loaded) and helpers to draft a ticket.</summary>
public abstract class DraftWriterTest(TicketStoreFixture store) : TicketApiTest(store)
{
    protected OfflineDraftWriter Writer => Factory.Services.GetRequiredService<OfflineDraftWriter>();

    protected static DraftSubject Subject(string title, string description, string? requester = "Dana Whitfield", long id = 0,
        IReadOnlyList<TicketMessageDto>? thread = null, string sentiment = "NEUTRAL")
    {
        var now = new DateTime(2025, 1, 8, 14, 15, 22, DateTimeKind.Utc);
        return new DraftSubject(new TicketDto(id, title, description, now, now, TicketStatus.Open, Sentiment: sentiment, RequesterName: requester), thread ?? []);
    }

    protected Task<DraftContent> DraftAsync(string title, string description, string? requester = "Dana Whitfield") =>
        Writer.WriteAsync(Subject(title, description, requester), null, CancellationToken.None);

    protected async Task<IReadOnlyList<Article>> ArticlesAsync()
    {
        var (_, articles) = await Factory.Services.GetRequiredService<ArticleStore>().ListAsync(new ArticleQuery { PageSize = 100 }, CancellationToken.None);
        return articles;
    }

    protected async Task<string> SlugOfAsync(DraftSource source) =>
        (await ArticlesAsync()).Single(a => a.Id == source.Id).Slug;

    /// <summary>A ticket with a sent reply in the given status, through the REST API as staff would leave it.</summary>
    protected async Task<long> TicketWithReplyAsync(string title, string reply, string status)
    {
        var id = (long)(await CreateTicketAsync(title, "Reported by a user."))["id"]!;
        var added = await Client.PostAsJsonAsync($"/api/tickets/{id}/messages", new { kind = "reply", body = reply });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        if (status != "OPEN")
        {
            Assert.Equal(HttpStatusCode.OK, (await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"RESOLVED"}""")).StatusCode);
        }
        if (status == "CLOSED")
        {
            Assert.Equal(HttpStatusCode.OK, (await PatchJsonAsync($"/api/tickets/{id}/", """{"resolution_status":"CLOSED"}""")).StatusCode);
        }
        return id;
    }

    protected const string VpnTitle = "Remote access keeps cutting out";

    protected const string VpnDescription =
        "Since Tuesday my GlobalProtect VPN disconnects every 10-15 minutes when I work from home over Wi-Fi. " +
        "The internet itself stays up. Windows 11 laptop.";
}
