using System.Globalization;
using TicketApi.Drafts;

namespace AgentHost.Desk.Drafts;

/// <summary>
/// The words the draft panel shows for a draft's fields (docs/desk.md, "Draft panel and knowledge base"). The
/// server renders them and hands the solution statuses' words to drafts.js in data attributes, so a draft
/// streamed in later reads exactly as one rendered with the page.
/// </summary>
public static class DraftPanelText
{
    public const string Final = "Final: this reply should settle the ticket.";

    public const string NeedsFollowUp = "Needs follow-up: the reply asks the requester for more before it can be settled.";

    public static string SolutionStatus(string status) => status switch
    {
        SolutionStatuses.Final => Final,
        SolutionStatuses.NeedsFollowUp => NeedsFollowUp,
        _ => status,
    };

    /// <summary>"Version 3, written offline, edited by a person", the line under the panel's heading.</summary>
    public static string About(DraftDto draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var about = string.Create(CultureInfo.InvariantCulture, $"Version {draft.Version}, written {Writer(draft.GeneratedBy)}");
        if (draft.Edited)
        {
            about += ", edited by a person";
        }
        else if (draft.Instruction is { } instruction)
        {
            about += $", refined: \u201C{instruction}\u201D";
        }
        return about + ".";
    }

    /// <summary>Where a draft's source leads: an article to its page, an earlier ticket to its view.</summary>
    public static string Href(DraftSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var id = source.Id.ToString(CultureInfo.InvariantCulture);
        return source.Type == "article" ? "/kb/" + id : "/tickets/" + id;
    }

    private static string Writer(string generatedBy) =>
        generatedBy.StartsWith("model:", StringComparison.Ordinal) ? "by " + generatedBy["model:".Length..] : generatedBy == "offline" ? "offline" : "by " + generatedBy;
}
