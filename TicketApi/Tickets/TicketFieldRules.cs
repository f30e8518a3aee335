namespace TicketApi.Tickets;

/// <summary>
/// The value rules of a ticket's text fields, applied to trimmed values by the REST body reader and by the
/// in-process <see cref="TicketService"/> alike, so both faces refuse the same titles with the same words.
/// </summary>
public static class TicketFieldRules
{
    public const int MaxTitleLength = 255;
    public const int MaxDescriptionLength = 20_000;

    public static string? TitleError(string title) =>
        title.Length == 0 ? "This field may not be blank."
        : Length(title) > MaxTitleLength ? $"Ensure this field has no more than {MaxTitleLength} characters (it has {Length(title)})."
        : null;

    public static string? DescriptionError(string description) =>
        Length(description) > MaxDescriptionLength
            ? $"Ensure this field has no more than {MaxDescriptionLength} characters (it has {Length(description)})."
            : null;

    /// <summary>Length in characters as a person counts them (code points, so an emoji is one).</summary>
    private static int Length(string value) => value.EnumerateRunes().Count();
}
