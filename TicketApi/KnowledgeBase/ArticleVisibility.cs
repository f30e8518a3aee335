using TicketApi.Accounts;
using TicketApi.Tickets;

namespace TicketApi.KnowledgeBase;

/// <summary>
/// What of an article a person is shown (docs/accounts.md, "Visibility"): staff everything; a requester the
/// customer-safe parts only, with <c>internal_notes</c> empty (search never matches them either: docs/knowledge-base.md).
/// </summary>
public static class ArticleVisibility
{
    public static ArticleDto ShownTo(this Article article, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(article);
        var dto = article.ToDto();
        return TicketVisibility.SeesEverything(actor) ? dto : dto with { InternalNotes = "" };
    }
}
