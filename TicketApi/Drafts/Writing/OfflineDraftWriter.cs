using TicketApi.KnowledgeBase;

namespace TicketApi.Drafts.Writing;

/// <summary>
/// Drafts without a model, deterministically and with no network (docs/drafts.md, "Writing a draft"):
/// retrieval (<see cref="DraftRetrieval"/>), the reply from the best article's steps
/// (<see cref="ReplyComposer"/>), the tech instructions from its internal notes
/// (<see cref="TechInstructionsComposer"/>), <c>FINAL</c> only on a confident match for a ticket that states
/// enough and needs no staff investigation. Refinements are rewrites of the current reply
/// (<see cref="ReplyRefinements"/>).
/// </summary>
public sealed class OfflineDraftWriter(DraftRetrieval retrieval, KnowledgeBaseSearch knowledgeBase) : IDraftWriter
{
    public const string Name = "offline";

    /// <summary>More questions than this make a reply people skim past; the most useful come first.</summary>
    public const int MaxQuestions = 3;

    public async Task<DraftContent> WriteAsync(DraftSubject subject, ReplyTextSink? replyText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var content = Compose(subject, await retrieval.FindAsync(subject, cancellationToken));
        await ReplyPieces.SendAsync(content.Reply, replyText, cancellationToken);
        return content;
    }

    public async Task<DraftContent> RefineAsync(
        DraftSubject subject, DraftContent current, string instruction, ReplyTextSink? replyText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(instruction);
        var refined = await ReplyRefinements.ApplyAsync(current, instruction, knowledgeBase, cancellationToken);
        await ReplyPieces.SendAsync(refined.Reply, replyText, cancellationToken);
        return refined;
    }

    public static DraftContent Compose(DraftSubject subject, DraftEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(evidence);
        var missing = evidence.Best is { } chosen ? evidence.Facts.MissingFor(chosen.Article) : [];
        var final = evidence is { Fit: ArticleFit.Confident, Best: { } match } && !evidence.Facts.NeedsStaff
            && evidence.FinalProbability >= StatusModel.FinalThreshold
            && !evidence.Facts.TooTerseFor(match.Article) && missing.Count == 0;
        var questions = final ? [] : missing.Concat(evidence.Facts.Questions(MaxQuestions)).Distinct(StringComparer.Ordinal).Take(MaxQuestions).ToList();
        var steps = evidence.Best is { } best ? ArticleSteps.From(best.Article.Body) : null;
        var reply = ReplyComposer.Compose(subject.Ticket.RequesterName, subject.Ticket.Sentiment == "NEGATIVE", steps, final, questions);
        var sources = new List<DraftSource>();
        if (evidence.Best is { } article)
        {
            sources.Add(new DraftSource("article", article.Article.Id, article.Article.Title));
        }
        if (evidence.SimilarTicket is { } similar)
        {
            sources.Add(new DraftSource("ticket", similar.TicketId, similar.TicketTitle));
        }
        return new DraftContent(reply, TechInstructionsComposer.Compose(evidence), final ? SolutionStatuses.Final : SolutionStatuses.NeedsFollowUp,
            questions, sources, Name);
    }
}
