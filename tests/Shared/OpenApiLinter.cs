using System.Diagnostics;
using System.Text;

namespace AgentTickets.Testing;

/// <summary>
/// Lints an OpenAPI document with Redocly CLI (recommended rules) through <c>npx</c>, as CI does. npm's cache
/// lives outside the repository (~/.cache/agenttickets-npm), so only the first run downloads anything;
/// tests/run.sh installs npm on a machine that lacks it.
/// </summary>
public static class OpenApiLinter
{
    /// <summary>
    /// Pinned: 1.34.21 asks for a @redocly/respect-core release that was never published, and 2.x needs Node
    /// 20.19 or later while Debian 12's nodejs is 18; 1.34.20 runs on Node 18 and later.
    /// </summary>
    public const string Package = "@redocly/cli@1.34.20";

    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> LintAsync(string documentJson)
    {
        var folder = Path.Combine(Path.GetTempPath(), "agenttickets-lint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "openapi.json");
            await File.WriteAllTextAsync(file, documentJson);
            var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "agenttickets-npm");
            var start = new ProcessStartInfo("npx")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "--yes", "--cache", cache, Package, "lint", "--format=stylish", file })
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["NO_COLOR"] = "1";
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";

            using var process = Process.Start(start) ?? throw new InvalidOperationException("npx did not start.");
            var output = new StringBuilder();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            // The first run downloads the linter; later ones take a second or two.
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Package} did not finish within 5 minutes. Output so far: {output}");
            }
            output.Append(await stdout).Append(await stderr);
            return new Result(process.ExitCode, output.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Exit 0 and no error-level finding; the linter's whole report is the failure message.</summary>
    public static void AssertClean(Result result)
    {
        Assert.True(result.ExitCode == 0, $"{Package} exited with {result.ExitCode}:\n{result.Output}");
        Assert.DoesNotContain(result.Output.Split('\n'), line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s*\d+:\d+\s+error\s"));
    }
}
