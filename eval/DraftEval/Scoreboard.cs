using System.Globalization;
using System.Text;
using TicketApi.Drafts;

namespace DraftEval;

/// <summary>The figures of one scoring: article choice, solution status (2x2), reply leaks, and the misses.</summary>
internal sealed class Scoreboard
{
    private readonly List<(EvalItem Item, string? Article, string Status, bool Leak)> _results = [];

    public void Add(EvalItem item, string? article, string status, bool leak) => _results.Add((item, article, status, leak));

    /// <summary>Another scoring's results, for a pooled figure over several folds.</summary>
    public void AddAll(Scoreboard other) => _results.AddRange(other._results);

    public string Render(bool misses)
    {
        var text = new StringBuilder();
        var n = _results.Count;
        var articleHits = _results.Count(r => r.Article == r.Item.Article);
        var withArticle = _results.Where(r => r.Item.Article is not null).ToList();
        var noArticle = _results.Where(r => r.Item.Article is null).ToList();
        var statusHits = _results.Count(r => r.Status == r.Item.SolutionStatus);
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---|");
        text.AppendLine(Row("article choice (all)", articleHits, n));
        text.AppendLine(Row("  tickets with an article: top article right", withArticle.Count(r => r.Article == r.Item.Article), withArticle.Count));
        text.AppendLine(Row("  tickets with none: no article cited", noArticle.Count(r => r.Article is null), noArticle.Count));
        text.AppendLine(Row("  tickets with none: an article cited with FINAL (the costliest miss)", noArticle.Count(r => r.Article is not null && r.Status == SolutionStatuses.Final), noArticle.Count));
        text.AppendLine(Row("solution status", statusHits, n));
        text.AppendLine(Row("FINAL where NEEDS_FOLLOW_UP was due (costly)", _results.Count(r => r.Status == SolutionStatuses.Final && r.Item.SolutionStatus == SolutionStatuses.NeedsFollowUp), n));
        text.AppendLine(Row("replies holding internal notes", _results.Count(r => r.Leak), n));
        text.AppendLine();
        text.AppendLine("| label \\ drafted | FINAL | NEEDS_FOLLOW_UP |");
        text.AppendLine("|---|---|---|");
        foreach (var label in SolutionStatuses.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {_results.Count(r => r.Item.SolutionStatus == label && r.Status == SolutionStatuses.Final)} | {_results.Count(r => r.Item.SolutionStatus == label && r.Status == SolutionStatuses.NeedsFollowUp)} |");
        }
        if (misses)
        {
            text.AppendLine();
            text.AppendLine("Misses (id: expected article/status -> drafted):");
            foreach (var r in _results.Where(r => r.Article != r.Item.Article || r.Status != r.Item.SolutionStatus))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {r.Item.Id}: {r.Item.Article ?? "(none)"}/{r.Item.SolutionStatus} -> {r.Article ?? "(none)"}/{r.Status}  \"{r.Item.Title}\"");
            }
        }
        return text.ToString();
    }

    private static string Row(string measure, int hits, int of) =>
        string.Create(CultureInfo.InvariantCulture, $"| {measure} | {hits}/{of} = {(of == 0 ? 0 : (double)hits / of):0.000} |");
}
