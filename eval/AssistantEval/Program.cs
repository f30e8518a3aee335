using AssistantEval;

// Measures the offline assistant on a phrasing set (eval/README.md, docs/offline-assistant.md "Evaluation"):
//   dotnet run --project eval/AssistantEval -- eval/assistant/train.jsonl [--show-failures]
// By default only aggregates are printed, so a blind set can be scored without anyone seeing its items.
var paths = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var showFailures = args.Contains("--show-failures", StringComparer.Ordinal);
var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--show-failures").ToList();
if (paths.Count != 1 || unknown.Count > 0 || !File.Exists(paths[0]))
{
    Console.Error.WriteLine("usage: AssistantEval SET.jsonl [--show-failures]   (the set file must exist)");
    return 2;
}

var items = EvalItem.LoadFile(paths[0]);
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(10));
await using var desk = await EvalDesk.StartAsync(cancellation.Token);
var verdicts = new List<Verdict>();
foreach (var item in items)
{
    var outcome = await desk.RunAsync(item.Context, item.Message, cancellation.Token);
    var verdict = Scorer.Judge(item, outcome);
    verdicts.Add(verdict);
    if (showFailures && !verdict.Passed)
    {
        Console.WriteLine($"FAIL {item.Id} [{item.Expect.Kind}] \"{item.Message}\"{(item.Context is null ? "" : $" (context: {item.Context})")}");
        Console.WriteLine($"     {verdict.Why}");
        Console.WriteLine($"     made: {Scorer.Describe(outcome)}");
    }
    else if (showFailures && verdict is { CategoryRight: false } or { PriorityRight: false })
    {
        Console.WriteLine($"LABEL {item.Id} \"{item.Message}\": got {outcome.Created?.Category}/{outcome.Created?.Priority}, expected {item.Expect.Category}/{item.Expect.Priority}");
    }
}

Report.Print(paths[0], verdicts);
return 0;
