using TicketApi.Conversations;

namespace TicketApi.Drafts;

/// <summary>
/// The value rules of what a person sends about a draft (docs/drafts.md, "Drafts over REST"), applied to
/// trimmed values by the REST body reader and the in-process facade alike, so both refuse in the same words.
/// </summary>
public static class DraftRules
{
    public const int MaxInstructionLength = 500;

    /// <summary>The reply becomes a thread message when it is sent, so it takes a message's limit.</summary>
    public const int MaxReplyLength = TicketMessageRules.MaxBodyLength;

    public const int MaxTechInstructionsLength = 20_000;

    public const string Instruction = "instruction";
    public const string Reply = "reply";
    public const string TechInstructions = "tech_instructions";
    public const string Resolve = "resolve";
    public const string Author = "author";
    public const string Version = "version";

    /// <summary>Field name -> messages for an instruction (null means none was given, which is fine).</summary>
    public static Dictionary<string, string[]> InstructionErrors(string? instruction) =>
        Errors((Instruction, instruction, text => Text(text, 1, MaxInstructionLength)));

    public static Dictionary<string, string[]> EditErrors(DraftEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return Errors(
            (Reply, edit.Reply, text => Text(text, 1, MaxReplyLength)),
            (TechInstructions, edit.TechInstructions, text => Text(text, 0, MaxTechInstructionsLength)));
    }

    public static Dictionary<string, string[]> ApprovalErrors(DraftApproval approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var errors = Errors((Author, approval.Author, TicketMessageRules.AuthorError));
        if (approval.Version is < 1)
        {
            errors[Version] = ["A draft version is a whole number from 1."];
        }
        return errors;
    }

    /// <summary>Text trimmed as it is checked and stored; null stays null.</summary>
    public static string? Trim(string? text) => text?.Trim();

    private static string? Text(string text, int min, int max)
    {
        var length = text.EnumerateRunes().Count(); // as a person counts characters, as for ticket fields
        return length < min ? "This field may not be blank."
            : length > max ? $"Ensure this field has no more than {max} characters (it has {length})."
            : null;
    }

    private static Dictionary<string, string[]> Errors(params (string Field, string? Value, Func<string, string?> Rule)[] checks)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, value, rule) in checks)
        {
            if (value is not null && rule(value) is { } error)
            {
                errors[field] = [error];
            }
        }
        return errors;
    }
}
