namespace TicketApi.KnowledgeBase;

/// <summary>An article as stored: the wire fields plus its version (the ETag's content).</summary>
public sealed record Article(
    long Id,
    string Slug,
    string Title,
    string Category,
    IReadOnlyList<string> Tags,
    string Body,
    string InternalNotes,
    DateTime Created,
    DateTime Updated,
    long Version)
{
    public ArticleDto ToDto() => new(Id, Slug, Title, Category, Tags, Body, InternalNotes, Created, Updated);
}

/// <summary>
/// The fields a write sets; null means "not given" (POST requires title, category and body; PATCH takes any
/// subset). Values arrive trimmed.
/// </summary>
public sealed record ArticleChanges(
    string? Slug = null,
    string? Title = null,
    string? Category = null,
    IReadOnlyList<string>? Tags = null,
    string? Body = null,
    string? InternalNotes = null);

/// <summary>How an article write ended: typed cases mapped to HTTP in one switch, no exceptions for refusals.</summary>
public abstract record ArticleWriteOutcome
{
    private ArticleWriteOutcome() { }

    /// <summary>Written (or deleted: then <see cref="Article"/> is null).</summary>
    public sealed record Done(Article? Article) : ArticleWriteOutcome;

    public sealed record NotFound : ArticleWriteOutcome;

    public sealed record SlugTaken(string Slug) : ArticleWriteOutcome;

    public sealed record PreconditionFailed(long CurrentVersion) : ArticleWriteOutcome;

    /// <summary>Kept losing to concurrent writers of the same article.</summary>
    public sealed record Contended : ArticleWriteOutcome;
}
