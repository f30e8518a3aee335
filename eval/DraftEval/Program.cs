using TicketApi.Drafts.Writing;
using TicketApi.Drafts.Writing.Model;
using TicketApi.KnowledgeBase.Starter;

namespace DraftEval;

/// <summary>
/// Scores the offline draft writer on labelled sets (docs/drafts.md, "Evaluation"; eval/drafts/README.md):
///   dotnet run --project eval/DraftEval -- eval/drafts/blind-3.jsonl [--misses] [--explain] [--print]
///   dotnet run --project eval/DraftEval -- --cross-validate eval/drafts/dev.jsonl eval/drafts/blind-1.jsonl eval/drafts/blind-2.jsonl eval/drafts/blind-3.jsonl eval/drafts/blind-4.jsonl eval/drafts/blind-5.jsonl
/// Prints article-choice accuracy (the first article source's slug equals the label; a null label wants no
/// article source), solution-status accuracy with its confusion table, and with --misses every miss.
/// Plain scoring drafts as the service does, with the article model learned from every embedded set: a figure on
/// one of those sets is not a measure. --cross-validate scores each given set with a model learned from the
/// starter articles and the other given sets only (leave one set out; the status model too), and prints each fold and the pooled figure.
/// </summary>
internal static class EvalProgram
{
    public static async Task<int> Main(string[] args)
    {
        var paths = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var crossValidate = args.Contains("--cross-validate");
        if (paths.Count == 0 || paths.Any(p => !File.Exists(p)) || crossValidate && paths.Count < 2)
        {
            Console.Error.WriteLine("usage: DraftEval SET.jsonl [--misses] [--explain] [--print]\n       DraftEval --cross-validate SET.jsonl SET.jsonl [SET.jsonl ...] [--misses]");
            return 2;
        }
        await using var desk = await DraftDesk.StartAsync(CancellationToken.None);
        if (!crossValidate)
        {
            var scores = await ScoreAsync(desk, paths[0], args);
            Console.WriteLine($"# Offline draft writer on {Path.GetFileName(paths[0])} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
            Console.WriteLine();
            Console.WriteLine(scores.Render(args.Contains("--misses")));
            return 0;
        }
        var pooled = new Scoreboard();
        Console.WriteLine($"# Offline draft writer, leave one set out over {string.Join(", ", paths.Select(Path.GetFileName))} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        foreach (var held in paths)
        {
            var training = paths.Where(p => p != held).SelectMany(DraftTrainingSet.LoadFile).ToList();
            desk.UseModel(ArticleModel.Train(StarterArticleParser.LoadEmbedded(), training), StatusModel.Train(training));
            var fold = await ScoreAsync(desk, held, args);
            pooled.AddAll(fold);
            Console.WriteLine();
            Console.WriteLine($"## {Path.GetFileName(held)}, model learned from the other sets ({training.Count} tickets)");
            Console.WriteLine();
            Console.WriteLine(fold.Render(args.Contains("--misses")));
        }
        Console.WriteLine("## Pooled: every ticket scored by a model that never saw it");
        Console.WriteLine();
        Console.WriteLine(pooled.Render(misses: false));
        return 0;
    }

    private static async Task<Scoreboard> ScoreAsync(DraftDesk desk, string path, string[] args)
    {
        var items = EvalItem.Load(path);
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
        return scores;
    }
}
