using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TicketApi.Tests.Mail.Infrastructure;

/// <summary>
/// A real SMTP server for the mail tests: MailDev from npm (the package is installed once into
/// ~/.cache/agenttickets-maildev; tests/run.sh makes sure npm is there), started as a node process on free
/// loopback ports, its received mail read back through its REST API (<c>GET /email</c>). An SMTP port can be
/// chosen before the server runs, so a test can stage mail while the server is down and start it later.
/// </summary>
public sealed class MailDevServer : IAsyncDisposable
{
    /// <summary>Pinned: 2.x runs on Debian's Node 18 and 20; 3.0 is new and changes the command line.</summary>
    public const string Package = "maildev@2.2.1";

    private static readonly SemaphoreSlim InstallTurn = new(1, 1);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly string _folder;
    private readonly HttpClient _http;

    private MailDevServer(Process process, string folder, int smtpPort, int webPort)
    {
        _process = process;
        _folder = folder;
        SmtpPort = smtpPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    public string Log { get { lock (_log) { return _log.ToString(); } } }

    /// <summary>A loopback port nothing listens on yet: the address of a server that is down.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<MailDevServer> StartAsync(int? smtpPort = null)
    {
        var script = await InstallAsync();
        var folder = Path.Combine(Path.GetTempPath(), "agenttickets-maildev-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var smtp = smtpPort ?? FreePort();
        var web = FreePort();
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "--smtp", smtp.ToString(), "--web", web.ToString(), "--ip", "127.0.0.1", "--mail-directory", folder })
        {
            info.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = info };
        var server = new MailDevServer(process, folder, smtp, web);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every mail received so far, as MailDev parsed it (subject, text, headers, from, to, messageId ...).</summary>
    public async Task<List<JsonObject>> EmailsAsync()
    {
        var text = await _http.GetStringAsync("email");
        return JsonNode.Parse(text)!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    /// <summary>Polls until <paramref name="count"/> mails have arrived (or fails with the log after the deadline).</summary>
    public async Task<List<JsonObject>> WaitForEmailsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var emails = await EmailsAsync();
            if (emails.Count >= count)
            {
                return emails;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{emails.Count} of {count} mails arrived within {timeout}. MailDev log:\n{Log}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // MailDev still writing as it dies: the temp folder is cleaned by the OS.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(_process.HasExited, $"MailDev exited while starting:\n{Log}");
            try
            {
                await _http.GetStringAsync("email");
                if (await SmtpAnswersAsync())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"MailDev did not start within 60 s:\n{Log}");
            await Task.Delay(100);
        }
    }

    private async Task<bool> SmtpAnswersAsync()
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, SmtpPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Installs the pinned MailDev once per machine (into a temporary folder renamed into place, so parallel runs never see half an install).</summary>
    private static async Task<string> InstallAsync()
    {
        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "agenttickets-maildev", Package.Replace('@', '-'));
        var script = Path.Combine(home, "node_modules", "maildev", "bin", "maildev");
        await InstallTurn.WaitAsync();
        try
        {
            if (File.Exists(script))
            {
                return script;
            }
            var staging = home + ".tmp-" + Guid.NewGuid().ToString("N");
            Directory.CreateDirectory(staging);
            var npmCache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "agenttickets-npm");
            var info = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--cache", npmCache, "--prefix", staging, Package })
            {
                info.ArgumentList.Add(argument);
            }
            using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm did not start.");
            var output = npm.StandardOutput.ReadToEndAsync();
            var error = npm.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await npm.WaitForExitAsync(deadline.Token);
            Assert.True(npm.ExitCode == 0, $"npm install {Package} failed ({npm.ExitCode}):\n{await output}{await error}");
            try
            {
                Directory.Move(staging, home);
            }
            catch (IOException) when (File.Exists(script))
            {
                Directory.Delete(staging, recursive: true); // another run installed it first
            }
            return script;
        }
        finally
        {
            InstallTurn.Release();
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
