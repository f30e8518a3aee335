using TicketApi.Drafts;
using TicketApi.Drafts.Writing.Model;

namespace DraftEval;

/// <summary>
/// Scores the offline draft writer on a labelled set (docs/drafts.md, "Evaluation"; eval/drafts/README.md):
///   dotnet run --project eval/DraftEval -- eval/drafts/blind-2.jsonl [--misses]
/// Prints article-choice accuracy (the first article source's slug equals the label; a null label wants no
/// article source), solution-status accuracy with its confusion table, and with --misses every miss.
/// </summary>
internal static class EvalProgram
{
    public static async Task<int> Main(string[] args)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine("usage: DraftEval SET.jsonl [--misses] [--explain] [--print]");
            return 2;
        }
        var items = EvalItem.Load(path);
        await using var desk = await DraftDesk.StartAsync(CancellationToken.None);
        var articles = await desk.ArticlesAsync(CancellationToken.None);
        var slugs = articles.ToDictionary(a => a.Id, a => a.Slug);
        var notes = articles.Select(a => a.InternalNotes).ToList();
        var scores = new Scoreboard();
        foreach (var item in items)
        {
            var draft = await desk.DraftAsync(item, CancellationToken.None);
            var article = draft.Sources.FirstOrDefault(s => s.Type == "article") is { } source ? slugs[source.Id] : null;
            scores.Add(item, article, draft.SolutionStatus, DraftAnswer.LeakedNote(draft.Reply, notes) is not null);
            if (args.Contains("--print"))
            {
                Console.WriteLine($"== {item.Id} {draft.SolutionStatus}\n{draft.Reply}\n-- tech --\n{draft.TechInstructions}\n");
            }
            if (args.Contains("--explain") && (article != item.Article || draft.SolutionStatus != item.SolutionStatus))
            {
                Console.WriteLine($"{item.Id} {item.Title}\n{await desk.ExplainAsync(item, CancellationToken.None)}");
            }
        }
        Console.WriteLine($"# Offline draft writer on {Path.GetFileName(path)} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine();
        Console.WriteLine(scores.Render(args.Contains("--misses")));
        return 0;
    }
}
