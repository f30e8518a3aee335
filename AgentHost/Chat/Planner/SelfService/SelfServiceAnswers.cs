using System.Globalization;
using AgentHost.Chat.Planner.State;
using TicketApi.Contracts;

namespace AgentHost.Chat.Planner.SelfService;

/// <summary>The self-service answers (docs/offline-assistant.md, "Self-service"): the offer, and the two outcomes.</summary>
public static class SelfServiceAnswers
{
    public const string Question = "Did that fix it?";

    /// <summary>The filed ticket, then the article's first steps (customer-safe text only) and the question.</summary>
    public static string Offer(TicketDto ticket, long articleId, string articleTitle, IReadOnlyList<string> steps)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(steps);
        var numbered = string.Join("\n", steps.Select((step, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {step}")));
        var filed = string.Create(CultureInfo.InvariantCulture, $"I filed ticket #{ticket.Id} '{ticket.Title}': category {ticket.Category}, priority {ticket.Priority}.");
        var known = string.Create(CultureInfo.InvariantCulture, $"This looks like a known problem (article #{articleId} '{articleTitle}'). First steps you can try now:");
        var ask = string.Create(CultureInfo.InvariantCulture,
            $"{Question} Say \"yes, that fixed it\" and I will resolve ticket #{ticket.Id}, or \"no\" and it stays open for an agent, with what you tried.");
        return $"{filed}\n{known}\n{numbered}\n{ask}";
    }

    public static string Fixed(OfferedFix offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return string.Create(CultureInfo.InvariantCulture,
            $"Glad that fixed it. Ticket #{offer.TicketId} is resolved, noted as solved by you with article #{offer.ArticleId} '{offer.ArticleTitle}'. If the problem comes back, tell me and I will reopen it.");
    }

    public static string NotFixed(OfferedFix offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return string.Create(CultureInfo.InvariantCulture,
            $"Sorry that did not fix it. Ticket #{offer.TicketId} stays open and an agent will pick it up; I added the steps you tried as a note, so nobody asks you to repeat them.");
    }
}
