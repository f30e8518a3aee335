using System.Reflection;

namespace TicketApi.KnowledgeBase.Starter;

/// <summary>
/// Reads the starter articles compiled into the service (<c>KnowledgeBase/StarterArticles/*.md</c>): a
/// front matter of exactly <c>slug</c>, <c>title</c>, <c>category</c> and <c>tags: [a, b]</c> between
/// <c>---</c> lines, then markdown whose <c>## Internal notes</c> section becomes <c>internal_notes</c> and
/// everything before it the customer-safe <c>body</c> (docs/knowledge-base.md, "Starter articles"). Strict:
/// a file that breaks the format or the article rules stops the start with its name and the reason, since
/// a half-read article would put staff notes in front of a requester.
/// </summary>
public static class StarterArticleParser
{
    public const string InternalNotesHeading = "## Internal notes";
    private const string ResourcePrefix = "TicketApi.KnowledgeBase.StarterArticles.";
    private static readonly string[] Keys = ["slug", "title", "category", "tags"];

    /// <summary>Every embedded starter article, in file-name order.</summary>
    public static IReadOnlyList<Article> LoadEmbedded()
    {
        var assembly = typeof(StarterArticleParser).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => Parse(name[ResourcePrefix.Length..], Read(assembly, name)))
            .ToList();
    }

    public static Article Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw Invalid(fileName, "it must start with a front matter block opened by a '---' line.");
        }
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw Invalid(fileName, "its front matter is not closed by a '---' line.");
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines[1..end].Where(l => l.Trim().Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? line[..colon].Trim() : "";
            if (!Keys.Contains(key))
            {
                throw Invalid(fileName, $"front matter line '{line.Trim()}' is not one of {string.Join(", ", Keys)} followed by ':'.");
            }
            if (!fields.TryAdd(key, line[(colon + 1)..].Trim()))
            {
                throw Invalid(fileName, $"'{key}' is given twice.");
            }
        }
        if (Keys.FirstOrDefault(k => !fields.ContainsKey(k)) is { } missing)
        {
            throw Invalid(fileName, $"the front matter has no '{missing}'.");
        }

        var markdown = string.Join('\n', lines[(end + 1)..]);
        var split = markdown.IndexOf("\n" + InternalNotesHeading + "\n", StringComparison.Ordinal);
        if (split < 0 || markdown.IndexOf(InternalNotesHeading, split + 1 + InternalNotesHeading.Length, StringComparison.Ordinal) >= 0)
        {
            throw Invalid(fileName, $"it needs exactly one '{InternalNotesHeading}' section, after the customer-safe steps.");
        }
        var article = new ArticleChanges(
            Slug: fields["slug"],
            Title: fields["title"],
            Category: fields["category"],
            Tags: Tags(fileName, fields["tags"]),
            Body: markdown[..split].Trim(),
            InternalNotes: markdown[(split + InternalNotesHeading.Length + 2)..].Trim());
        var errors = ArticleRules.Errors(article);
        if (article.InternalNotes!.Length == 0)
        {
            errors["internal_notes"] = ["The internal notes section is empty."];
        }
        if (errors.Count > 0)
        {
            throw Invalid(fileName, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }
        return new Article(0, article.Slug!, article.Title!, article.Category!, article.Tags!, article.Body!, article.InternalNotes,
            DateTime.UnixEpoch, DateTime.UnixEpoch, 1);
    }

    private static List<string> Tags(string fileName, string value)
    {
        if (!value.StartsWith('[') || !value.EndsWith(']'))
        {
            throw Invalid(fileName, $"tags must be a list in brackets, e.g. [vpn, remote], not '{value}'.");
        }
        return [.. value[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static InvalidDataException Invalid(string fileName, string reason) =>
        new($"Starter article {fileName} cannot be read: {reason}");
}
