using System.Net.Mail;
using TicketApi.Contracts;
using TicketApi.Triage;

namespace TicketApi.Tickets;

/// <summary>
/// The value rules of a ticket's writable fields, applied to trimmed values by the REST body reader and by
/// the in-process <see cref="TicketService"/> alike, so both faces refuse the same values with the same words.
/// </summary>
public static class TicketFieldRules
{
    public const int MaxTitleLength = 255;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxRequesterNameLength = 200;

    /// <summary>RFC 5321's limit on a path (254 characters of address).</summary>
    public const int MaxRequesterEmailLength = 254;

    public static string? TitleError(string title) =>
        title.Length == 0 ? "This field may not be blank."
        : Length(title) > MaxTitleLength ? $"Ensure this field has no more than {MaxTitleLength} characters (it has {Length(title)})."
        : null;

    public static string? DescriptionError(string description) =>
        Length(description) > MaxDescriptionLength
            ? $"Ensure this field has no more than {MaxDescriptionLength} characters (it has {Length(description)})."
            : null;

    public static string? RequesterNameError(string name) =>
        Length(name) > MaxRequesterNameLength
            ? $"Ensure this field has no more than {MaxRequesterNameLength} characters (it has {Length(name)})."
            : null;

    /// <summary>
    /// One plain address (<c>name@example.com</c>): no display name, no list, a dot in the domain, no spaces.
    /// "" is allowed and clears the field.
    /// </summary>
    public static string? RequesterEmailError(string email)
    {
        if (email.Length == 0)
        {
            return null;
        }
        if (Length(email) > MaxRequesterEmailLength)
        {
            return $"Ensure this field has no more than {MaxRequesterEmailLength} characters (it has {Length(email)}).";
        }
        var at = email.LastIndexOf('@');
        var plain = at > 0 && at < email.Length - 1 && !email.Any(char.IsWhiteSpace) &&
                    email.IndexOf('@', StringComparison.Ordinal) == at && email[(at + 1)..].Contains('.', StringComparison.Ordinal) &&
                    !email.EndsWith('.') && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.DisplayName.Length == 0;
        return plain ? null : $"'{Clip(email)}' is not a valid email address, e.g. name@example.com.";
    }

    public static string? LabelError(TriageField field, string value) =>
        TicketLabels.IsValid(field, value) ? null
            : $"Invalid {field.ToString().ToLowerInvariant()} '{Clip(value)}'. Allowed values are: {TicketLabels.AllowedList(field)}.";

    /// <summary>Field name -> messages for every set field that breaks its rule; empty when all are fine.</summary>
    public static Dictionary<string, string[]> Errors(TicketChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Check(string field, string? value, Func<string, string?> rule)
        {
            if (value is not null && rule(value) is { } error)
            {
                errors[field] = [error];
            }
        }
        Check("title", changes.Title, TitleError);
        Check("description", changes.Description, DescriptionError);
        Check("priority", changes.Priority, v => LabelError(TriageField.Priority, v));
        Check("category", changes.Category, v => LabelError(TriageField.Category, v));
        Check("requester_name", changes.RequesterName, RequesterNameError);
        Check("requester_email", changes.RequesterEmail, RequesterEmailError);
        return errors;
    }

    /// <summary>Length in characters as a person counts them (code points, so an emoji is one).</summary>
    private static int Length(string value) => value.EnumerateRunes().Count();

    private static string Clip(string value) => value.Length <= 50 ? value : value[..50] + "...";
}
