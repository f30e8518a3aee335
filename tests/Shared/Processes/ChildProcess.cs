using System.Diagnostics;
using System.Text;

namespace AgentTickets.Testing;

/// <summary>
/// A real process with its output captured as it comes, seen exactly as a user's shell would see it:
/// redirected streams, piped stdin, signals, exit codes. The CLI, the services, docker-compose, bash scripts.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string OutText { get { lock (_out) { return _out.ToString(); } } }

    public string ErrorText { get { lock (_error) { return _error.ToString(); } } }

    /// <summary>A null value in <paramref name="environment"/> removes that variable.</summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => Append(child._out, e.Data);
        process.ErrorDataReceived += (_, e) => Append(child._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public async Task WriteInputAsync(string text, bool close)
    {
        await _process.StandardInput.WriteAsync(text);
        await _process.StandardInput.FlushAsync();
        if (close)
        {
            _process.StandardInput.Close();
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"process did not exit within {timeout}. stdout: {OutText} stderr: {ErrorText}");
        }

        return _process.ExitCode;
    }

    public async Task WaitForOutputAsync(Func<string, bool> seen, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!seen(OutText))
        {
            Assert.False(_process.HasExited && !seen(OutText), $"process exited before {what}. stdout: {OutText} stderr: {ErrorText}");
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}. stdout: {OutText} stderr: {ErrorText}");
            await Task.Delay(50);
        }
    }

    /// <summary>Sends SIGINT, what Ctrl+C in a terminal sends.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", Id.ToString()]);
        await kill.WaitForExitAsync();
    }

    /// <summary>
    /// SIGKILL, what <c>kill -9</c> sends (Process.Kill on Unix): no shutdown hook, no flush, no
    /// checkpoint runs. Returns once the process is gone.
    /// </summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.Append(line).Append('\n');
        }
    }
}
