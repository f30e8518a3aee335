using System.Globalization;

namespace AgentHost.Chat.Planner.Drafts;

/// <summary>
/// A draft put into words for the chat's user, who is staff: the reply as drafted, the technician's instructions, or
/// whether it should solve the problem. Every answer that shows a reply says it has not been sent and where a person
/// approves it (the design: nothing reaches a requester without that approval).
/// </summary>
public static class DraftAnswers
{
    public static string Approval(long id) => string.Create(CultureInfo.InvariantCulture,
        $"Not sent: a person approves it in the desk or through POST /api/tickets/{id}/draft/send.");

    public static string Draft(DraftView draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var version = draft.Version is { } v ? string.Create(CultureInfo.InvariantCulture, $" (version {v})") : "";
        var outcome = draft.SolutionStatus == DraftView.NeedsFollowUp ? "it asks the requester for what is still missing" : "it should solve the problem";
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Draft reply to ticket #{draft.TicketId}{version}; {outcome}:"),
            "",
            draft.Reply.Trim(),
            "",
        };
        if (Sources(draft) is { } sources)
        {
            lines.Add(sources);
        }

        lines.Add(Approval(draft.TicketId) + " To change it, say e.g. \"make it more formal\" or \"shorter please\".");
        return string.Join("\n", lines);
    }

    public static string TechInstructions(DraftView draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var head = string.Create(CultureInfo.InvariantCulture, $"For the technician on ticket #{draft.TicketId} (staff only, never sent to the requester):");
        var body = draft.TechInstructions.Trim().Length > 0 ? draft.TechInstructions.Trim() : "The draft has no technician instructions.";
        return Sources(draft) is { } sources ? $"{head}\n{body}\n{sources}" : $"{head}\n{body}";
    }

    public static string SolutionStatus(DraftView draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.SolutionStatus == DraftView.NeedsFollowUp)
        {
            var questions = draft.FollowUpQuestions.Count == 0
                ? " The draft names no questions."
                : " The draft asks the requester:\n" + string.Join("\n", draft.FollowUpQuestions.Select(q => "- " + q));
            return string.Create(CultureInfo.InvariantCulture, $"Ticket #{draft.TicketId} needs follow-up (solution status NEEDS_FOLLOW_UP).{questions}");
        }

        var basis = Sources(draft) is { } sources ? " " + sources : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Ticket #{draft.TicketId} should be solved by the drafted reply (solution status FINAL); no follow-up questions.{basis}");
    }

    private static string? Sources(DraftView draft) =>
        draft.Sources.Count == 0
            ? null
            : "Based on: " + string.Join("; ", draft.Sources.Select(s => string.Create(CultureInfo.InvariantCulture, $"{(s.Type == "ticket" ? "ticket" : "article")} #{s.Id} {s.Title}"))) + ".";
}
