using System.Text.RegularExpressions;
using TicketApi.Tickets;
using TicketApi.Triage;

namespace TicketApi.KnowledgeBase;

/// <summary>
/// The value rules of an article's writable fields (docs/knowledge-base.md, "Fields"), applied to trimmed
/// values by the REST body reader and the starter loader alike. Titles and categories follow the ticket
/// rules, so an article and a ticket refuse the same title with the same words.
/// </summary>
public static partial class ArticleRules
{
    public const int MaxTitleLength = TicketFieldRules.MaxTitleLength;
    public const int MaxBodyLength = 50_000;
    public const int MaxInternalNotesLength = 50_000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int MaxSlugLength = 100;

    public static Dictionary<string, string[]> Errors(ArticleChanges changes)
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
        Check("slug", changes.Slug, SlugError);
        Check("title", changes.Title, TicketFieldRules.TitleError);
        Check("category", changes.Category, v => TicketFieldRules.LabelError(TriageField.Category, v));
        Check("body", changes.Body, v => v.Length == 0 ? "This field may not be blank." : TooLong(v, MaxBodyLength));
        Check("internal_notes", changes.InternalNotes, v => TooLong(v, MaxInternalNotesLength));
        if (changes.Tags is { } tags && TagErrors(tags) is { Length: > 0 } tagErrors)
        {
            errors["tags"] = tagErrors;
        }
        return errors;
    }

    public static string? SlugError(string slug) =>
        slug.Length == 0 ? "This field may not be blank."
        : slug.Length > MaxSlugLength ? $"Ensure this field has no more than {MaxSlugLength} characters (it has {slug.Length})."
        : SlugPattern().IsMatch(slug) ? null
        : $"'{Clip(slug)}' is not a slug: use lower-case letters a-z and digits, in words joined by single hyphens, e.g. vpn-drops.";

    /// <summary>A slug from a title: lower-case ASCII words joined by hyphens ("VPN drops!" -> "vpn-drops"); "article" if nothing is left.</summary>
    public static string SlugFrom(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var folded = new string(title.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .ToArray()).ToLowerInvariant();
        var words = NonSlugRun().Split(folded).Where(w => w.Length > 0);
        var slug = string.Join('-', words);
        if (slug.Length > MaxSlugLength)
        {
            slug = slug[..MaxSlugLength].TrimEnd('-');
        }
        return slug.Length == 0 ? "article" : slug;
    }

    private static string[] TagErrors(IReadOnlyList<string> tags)
    {
        var errors = new List<string>();
        if (tags.Count > MaxTags)
        {
            errors.Add($"Ensure this list has no more than {MaxTags} tags (it has {tags.Count}).");
        }
        foreach (var tag in tags)
        {
            if (tag.Length == 0)
            {
                errors.Add("A tag may not be blank.");
            }
            else if (tag.EnumerateRunes().Count() > MaxTagLength)
            {
                errors.Add($"Tag '{Clip(tag)}' is longer than {MaxTagLength} characters.");
            }
        }
        var repeated = tags.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            errors.Add($"Each tag once: {string.Join(", ", repeated.Select(t => $"'{Clip(t)}'"))} is given more than once.");
        }
        return [.. errors];
    }

    private static string? TooLong(string value, int max) =>
        value.EnumerateRunes().Count() is var length && length > max
            ? $"Ensure this field has no more than {max:N0} characters (it has {length:N0})."
            : null;

    private static string Clip(string value) => value.Length <= 50 ? value : value[..50] + "...";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlugRun();
}
