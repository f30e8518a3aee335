using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace TicketApi.Tests.Infrastructure;

/// <summary>
/// The built TicketApi.dll as a real process on a free loopback port, pointed at a given database:
/// separate processes share nothing but the database, as two replicas behind a load balancer do.
/// </summary>
public sealed class TicketApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private TicketApiProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public string Log { get { lock (_log) { return _log.ToString(); } } }

    /// <param name="environment">More variables for the service (the mail tests' SMTP settings).</param>
    /// <param name="listenAddress">Where it listens (0.0.0.0: every interface, as in a container); it is reached on loopback either way.</param>
    public static async Task<TicketApiProcess> StartAsync(string connectionString, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null, string listenAddress = "127.0.0.1")
    {
        var dll = typeof(TicketApiProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TicketApiDll").Value!;
        Assert.True(File.Exists(dll), $"the ticket service is not built at {dll}");
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_URLS"] = $"http://{listenAddress}:{port}";
        info.Environment["ConnectionStrings__Tickets"] = connectionString;
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }
        var process = new Process { StartInfo = info };
        var service = new TicketApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilHealthyAsync(cancellationToken);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
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

    /// <summary>Polls /health until it answers 200, the process dies, or 90 seconds pass.</summary>
    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The ticket service exited ({_process.ExitCode}) while starting:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or too slow to answer on a busy machine: ask again until the deadline.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The ticket service did not become healthy within 90 s:\n{Log}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
