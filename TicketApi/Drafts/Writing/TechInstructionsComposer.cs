using System.Globalization;
using System.Text;

namespace TicketApi.Drafts.Writing;

/// <summary>
/// The staff-only half of a draft (docs/drafts.md, "Writing a draft: tech instructions"): the best article's
/// internal notes under Likely cause / Confirm / Fix / Watch out for / Prevent, then References (the article
/// and the similar earlier ticket). Never sent to a requester.
/// </summary>
public static class TechInstructionsComposer
{
    public static string Compose(DraftEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var text = new StringBuilder();
        if (evidence.Best is { } best)
        {
            var notes = TechNotes.Sort(best.Article.InternalNotes);
            foreach (var heading in TechNotes.Headings)
            {
                if (notes.TryGetValue(heading, out var lines))
                {
                    text.Append(heading).Append(": ").AppendJoin(' ', lines).Append('\n');
                }
            }
            if (evidence.Fit == ArticleFit.Weak)
            {
                text.Append(TechNotes.WatchOutFor).Append(": the match is not certain (it covers ")
                    .Append(Percent(best.Coverage)).Append(" of the ticket's terms); check the answers to the questions before following it.\n");
            }
        }
        else
        {
            text.Append("Likely cause: no knowledge-base article fits this ticket");
            if (evidence.Articles.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" (nearest: \"{evidence.Articles[0].Article.Title}\", covering {Percent(evidence.Articles[0].Coverage)} of its terms)");
            }
            text.Append(".\nConfirm: read the requester's answers to the questions, then route by category.\n");
        }
        if (evidence.Facts.NeedsStaff)
        {
            text.Append(TechNotes.WatchOutFor).Append(": ").Append(string.Join("; ", Flags(evidence.Facts))).Append(": the article alone will not settle it.\n");
        }
        var references = new List<string>();
        if (evidence.Best is { } article)
        {
            references.Add(string.Create(CultureInfo.InvariantCulture, $"article #{article.Article.Id} \"{article.Article.Title}\" ({article.Article.Slug})"));
        }
        if (evidence.SimilarTicket is { } similar)
        {
            references.Add(string.Create(CultureInfo.InvariantCulture, $"similar resolved ticket #{similar.TicketId} \"{similar.TicketTitle}\" (its sent reply, message #{similar.MessageId})"));
        }
        if (references.Count > 0)
        {
            text.Append(TechNotes.References).Append(": ").AppendJoin("; ", references).Append('\n');
        }
        return text.ToString().TrimEnd();
    }

    private static IEnumerable<string> Flags(TicketFacts facts)
    {
        if (facts.SeveralPeople)
        {
            yield return "several people seem affected (check for an outage)";
        }
        if (facts.SecurityIncident)
        {
            yield return "possible security incident (follow the incident process)";
        }
        if (facts.SafetyHazard)
        {
            yield return "possible safety hazard (the device should not be used)";
        }
        if (facts.PurchaseOrApproval)
        {
            yield return "a purchase or approval (the cost needs a budget holder's yes)";
        }
    }

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0}%");
}
