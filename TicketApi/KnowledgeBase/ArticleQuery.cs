namespace TicketApi.KnowledgeBase;

/// <summary>A parsed article list request (docs/knowledge-base.md, "Lists").</summary>
public sealed record ArticleQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The salient terms of <c>search</c>; null when no search was asked for, empty when it held none.</summary>
    public IReadOnlyList<SearchTerm>? Search { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Explicit ordering; null means relevance for a search, title otherwise.</summary>
    public IReadOnlyList<(string Field, bool Descending)>? Ordering { get; init; }
}

/// <summary>One word of a search after stop words are dropped and endings trimmed; <see cref="Prefix"/> matches longer words too.</summary>
public sealed record SearchTerm(string Text, bool Prefix);
