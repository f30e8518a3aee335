using System.Diagnostics;
using AgentTickets.Testing;
using Xunit.Abstractions;

namespace Deployment.Tests.Durability;

/// <summary>
/// The kill -9 drill (docs/testing.md): the real ticket service process on a SQLite file, concurrent
/// creates and status changes, the process killed with SIGKILL in the middle of them, restarted on the
/// same file, three times. Every write it acknowledged must still be there, the file must pass SQLite's
/// own integrity checks, and the search index must agree with the rows.
/// </summary>
[Collection(DurabilityTestGroup.Name)]
public sealed class KillDrillTests(ITestOutputHelper output)
{
    private const int Rounds = 3;
    private const int Workers = 8;

    /// <summary>Acknowledged writes after which a round's kill comes, different each round.</summary>
    private static readonly int[] KillAfter = [200, 400, 600];

    /// <summary>Keeps each round bounded on a slow machine: the kill comes then at the latest.</summary>
    private static readonly TimeSpan LongestLoad = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Every_acknowledged_write_survives_kill_9_mid_load_and_the_file_and_search_index_stay_intact()
    {
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("kill-drill-");
        var database = Path.Combine(folder.FullName, "tickets.db");
        var ledger = new WriteLedger();
        try
        {
            for (var round = 1; round <= Rounds; round++)
            {
                await using var service = await ServiceProcess.StartTicketApiOnAsync(database);
                if (round > 1)
                {
                    Report(await LedgerCheck.AssertHoldsAsync(service, ledger));
                }

                var writesBefore = ledger.AcknowledgedWrites;
                var (cutOff, loadTime) = await LoadThenKillAsync(service, ledger, writesBefore + KillAfter[round - 1]);
                output.WriteLine(
                    $"round {round}: {ledger.AcknowledgedWrites - writesBefore} writes acknowledged in {loadTime.TotalSeconds:F1} s, " +
                    $"{cutOff} cut off by the kill; {ledger.AcknowledgedCreates} tickets in the ledger");
                Assert.True(cutOff > 0, "the kill came when no write was in flight: the drill did not kill mid-load");

                await SqliteFileCheck.AssertIntactAsync(database);
            }

            await using var restarted = await ServiceProcess.StartTicketApiOnAsync(database);
            Report(await LedgerCheck.AssertHoldsAsync(restarted, ledger));
            output.WriteLine($"{ledger.AcknowledgedWrites} acknowledged writes over {ledger.AcknowledgedCreates} tickets, all present after {Rounds} kills; {clock.Elapsed.TotalSeconds:F1} s in all");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Cut-off writes that landed anyway (counted since the start): allowed, and worth seeing happen.</summary>
    private void Report((int UnansweredCreates, int UnansweredChanges) landed) =>
        output.WriteLine($"  after restart: ledger intact; unanswered writes that had landed: {landed.UnansweredCreates} creates, {landed.UnansweredChanges} status changes");

    /// <summary>Runs the writers until <paramref name="killAt"/> acknowledged writes (or the time cap), then kills the service under them.</summary>
    private static async Task<(int CutOff, TimeSpan LoadTime)> LoadThenKillAsync(ServiceProcess service, WriteLedger ledger, int killAt)
    {
        using var http = new HttpClient { BaseAddress = service.Url, Timeout = TimeSpan.FromSeconds(20) };
        var load = new DrillLoad(http, ledger);
        var started = Stopwatch.StartNew();
        var running = load.RunAsync(Workers, CancellationToken.None);
        while (ledger.AcknowledgedWrites < killAt && started.Elapsed < LongestLoad && !running.IsCompleted)
        {
            await Task.Delay(5);
        }

        // Writers that failed for a reason of their own have stopped: report that, not a kill.
        Assert.False(running.IsCompleted, $"the writers stopped before the kill: {running.Exception?.ToString() ?? service.Log}");
        await service.KillAsync();
        var loadTime = started.Elapsed;
        await running.WaitAsync(TimeSpan.FromSeconds(30));
        return (load.CutOff, loadTime);
    }
}
