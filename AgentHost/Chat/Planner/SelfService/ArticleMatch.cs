using System.Text.Json;
using AgentHost.Chat.Planner.State;
using TicketApi.KnowledgeBase;

namespace AgentHost.Chat.Planner.SelfService;

/// <summary>
/// When a <c>search_articles</c> result's best article answers a reported problem well enough to offer its steps
/// (docs/offline-assistant.md, "Self-service"). Two measures, both the knowledge base's own coverage
/// (<see cref="KnowledgeBaseSearch.Cover"/>): the share of the problem's salient terms the whole article holds
/// (the tool's <c>coverage</c>), and the share its title and tags alone hold. The body alone is not enough: a long
/// article holds many common words ("Teams keeps crashing when I share my screen" covers 0.75 of the shared-mailbox
/// article through its body, 0.25 through its title and tags).
/// </summary>
public static class ArticleMatch
{
    /// <summary>At least this share of the problem's terms in the article. With <see cref="MinTitleCoverage"/>, on the
    /// training set's 28 problem reports (eval/assistant/train.jsonl) steps are offered for 3, all the right article;
    /// the wrong best matches it holds back reached 0.71-0.80 here but at most 0.43 in title and tags.</summary>
    public const double MinCoverage = 0.6;

    /// <summary>At least this share in the title and tags: the article is about the problem, not only mentions its words.</summary>
    public const double MinTitleCoverage = 0.5;

    /// <summary>The best article's id when it matches <paramref name="problem"/> well; null otherwise (or when the result is not a search).</summary>
    public static long? Best(ToolResultView search, string problem)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(problem);
        if (!search.Ok || search.Data.ValueKind != JsonValueKind.Object
            || !search.Data.TryGetProperty("articles", out var articles) || articles.ValueKind != JsonValueKind.Array
            || articles.GetArrayLength() == 0)
        {
            return null;
        }

        var best = articles[0];
        if (!best.TryGetProperty("id", out var id) || !best.TryGetProperty("coverage", out var coverage)
            || !best.TryGetProperty("title", out var title))
        {
            return null;
        }

        var tags = best.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(tag => tag.GetString() ?? "").ToList()
            : [];
        var (_, titleCoverage) = KnowledgeBaseSearch.Cover(problem, title.GetString() ?? "", tags, "");
        return coverage.GetDouble() >= MinCoverage && titleCoverage >= MinTitleCoverage ? id.GetInt64() : null;
    }
}
