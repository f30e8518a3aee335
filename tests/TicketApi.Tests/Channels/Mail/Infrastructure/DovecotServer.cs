using System.Diagnostics;
using System.Globalization;
using System.Text;
using TicketApi.Channels.Mail;
using TicketApi.Channels.Mail.Imap;

namespace TicketApi.Tests.Channels.Mail.Infrastructure;

/// <summary>
/// A real IMAP server for the mailbox tests: Debian's Dovecot (<c>dovecot-imapd</c>; tests/run.sh installs it),
/// started once per test process with <c>dovecot -F -c</c> on a generated configuration in a temp folder: a
/// passwd-file of mailboxes (re-read by Dovecot when it changes, so each test adds its own and tests never share
/// mail), maildir storage, plain login on loopback, free ports. Two of them: <see cref="SharedAsync"/> speaks
/// plain IMAP only (no TLS at all, not even STARTTLS); <see cref="SharedTlsAsync"/> offers STARTTLS on
/// <see cref="Port"/> and implicit TLS on <see cref="TlsPort"/>, with a certificate for <c>localhost</c> from a CA
/// made for the test run (<see cref="TestCertificates"/>). As root (CI) its processes run as Debian's
/// dovecot/dovenull users; as anyone else, as the current user. Stopped when the test process exits.
/// </summary>
public sealed class DovecotServer
{
    private const string Binary = "/usr/sbin/dovecot";
    private static readonly Lazy<Task<DovecotServer>> SharedServer = new(() => StartAsync(tls: false));
    private static readonly Lazy<Task<DovecotServer>> SharedTlsServer = new(() => StartAsync(tls: true));

    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();
    private readonly SemaphoreSlim _passwdTurn = new(1, 1);

    private DovecotServer(Process process, string folder, int port, int? tlsPort, TestCertificates? certificates)
    {
        _process = process;
        _folder = folder;
        Port = port;
        TlsPort = tlsPort;
        Certificates = certificates;
    }

    /// <summary>Plain IMAP; on the TLS server it offers STARTTLS.</summary>
    public int Port { get; }

    /// <summary>Implicit TLS (what port 993 is); null on the plain server.</summary>
    public int? TlsPort { get; }

    /// <summary>The CA and the server's certificate; null on the plain server.</summary>
    public TestCertificates? Certificates { get; }

    public string Log { get { lock (_log) { return _log.ToString(); } } }

    /// <summary>The test process's plain-IMAP-only server, started on first use.</summary>
    public static Task<DovecotServer> SharedAsync() => SharedServer.Value;

    /// <summary>The test process's server with STARTTLS and implicit TLS, started on first use.</summary>
    public static Task<DovecotServer> SharedTlsAsync() => SharedTlsServer.Value;

    /// <summary>A new, empty mailbox of its own: its address and password.</summary>
    public async Task<TestMailbox> CreateMailboxAsync()
    {
        var user = "desk-" + Guid.NewGuid().ToString("N")[..12] + "@mail.test";
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await _passwdTurn.WaitAsync();
        try
        {
            await File.AppendAllTextAsync(Path.Combine(_folder, "passwd"), $"{user}:{{PLAIN}}{password}\n");
        }
        finally
        {
            _passwdTurn.Release();
        }
        var mailbox = new TestMailbox(this, user, password);
        // Dovecot re-reads the passwd-file when it sees it changed, which may be a moment after the write.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                await using var client = await ImapClient.OpenAsync(mailbox.Settings, CancellationToken.None);
                await client.LogoutAsync(CancellationToken.None);
                return mailbox;
            }
            catch (ImapException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<DovecotServer> StartAsync(bool tls)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install dovecot-imapd (tests/run.sh does).");
        var folder = Path.Combine(Path.GetTempPath(), "agenttickets-dovecot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "mail"));
        Directory.CreateDirectory(Path.Combine(folder, "run"));
        await File.WriteAllTextAsync(Path.Combine(folder, "passwd"), "");
        var root = Environment.UserName == "root";
        var (uid, gid) = root ? (await IdAsync("-u", "dovecot"), await IdAsync("-g", "dovecot")) : (await IdAsync("-u", null), await IdAsync("-g", null));
        if (root)
        {
            await RunAsync("chmod", "755", folder);
            await RunAsync("chown", "-R", "dovecot:dovecot", Path.Combine(folder, "mail"));
        }
        var user = Environment.UserName;
        var port = TicketApi.Tests.Mail.Infrastructure.MailDevServer.FreePort();
        int? tlsPort = tls ? TicketApi.Tests.Mail.Infrastructure.MailDevServer.FreePort() : null;
        var certificates = tls ? TestCertificates.WriteTo(folder) : null;
        // ssl = yes (not required): STARTTLS is offered, and the tests' own plain logins on loopback still work.
        var ssl = certificates is null ? "ssl = no" : string.Join("\n",
            "ssl = yes",
            $"ssl_cert = <{certificates.ServerCertificateFile}",
            $"ssl_key = <{certificates.ServerKeyFile}",
            "ssl_min_protocol = TLSv1.2");
        var config = $$"""
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = /dev/stderr
            protocols = imap
            listen = 127.0.0.1
            {{ssl}}
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{(root ? "dovecot" : user)}}
            default_internal_group = {{(root ? "dovecot" : user)}}
            default_login_user = {{(root ? "dovenull" : user)}}
            first_valid_uid = 1
            mail_location = maildir:{{folder}}/mail/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/passwd
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{folder}}/mail/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = {{tlsPort ?? 0}}
                ssl = yes
              }
            }
            service stats {
              unix_listener stats-writer {
                mode = 0666
              }
            }
            """;
        var configPath = Path.Combine(folder, "dovecot.conf");
        await File.WriteAllTextAsync(configPath, config);
        // A watchdog shell between the tests and Dovecot: it holds the test process's pipe on its stdin, and when that
        // closes (the test process ended, however abruptly) it stops Dovecot, so no server outlives its tests.
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", Binary + " -F -c \"$1\" </dev/null & server=$!; cat >/dev/null; kill $server; wait $server", "sh", configPath })
        {
            info.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = info };
        var server = new DovecotServer(process, folder, port, tlsPort, certificates);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        await server.WaitUntilReadyAsync();
        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.False(_process.HasExited, $"Dovecot exited while starting:\n{Log}");
            try
            {
                await CreateMailboxAsync();
                return;
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ImapException or IOException)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Dovecot did not answer within 30 s ({ex.Message}):\n{Log}");
                await Task.Delay(100);
            }
        }
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Exiting anyway: the temp folder is the OS's to clean.
        }
    }

    private static async Task<string> IdAsync(string option, string? user) =>
        (await RunAsync("id", user is null ? [option] : [option, user])).Trim();

    private static async Task<string> RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed: {error}");
        return output;
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

/// <summary>One test's mailbox on the shared Dovecot: the settings that poll it, and delivery into it by IMAP APPEND.</summary>
public sealed record TestMailbox(DovecotServer Server, string User, string Password)
{
    public MailboxSettings Settings => new()
    {
        Host = "127.0.0.1",
        Port = Server.Port,
        Security = ImapSecurity.None,
        UserName = User,
        Password = Password,
        Timeout = TimeSpan.FromSeconds(20),
    };

    /// <summary>What the ticket service is configured with: this mailbox, polled every half second.</summary>
    public Dictionary<string, string?> Configuration(string pollSeconds = "0.5") => new()
    {
        ["IMAP_HOST"] = "127.0.0.1",
        ["IMAP_PORT"] = Server.Port.ToString(CultureInfo.InvariantCulture),
        ["IMAP_SECURITY"] = "none",
        ["IMAP_USERNAME"] = User,
        ["IMAP_PASSWORD"] = Password,
        ["IMAP_POLL_SECONDS"] = pollSeconds,
        ["IMAP_TIMEOUT_SECONDS"] = "20",
    };

    /// <summary>Delivers <paramref name="message"/> (CRLF line ends made here) as a new, unseen mail in INBOX.</summary>
    public async Task DeliverAsync(string message)
    {
        await using var client = await ImapClient.OpenAsync(Settings, CancellationToken.None);
        await client.AppendAsync("INBOX", Encoding.UTF8.GetBytes(message.ReplaceLineEndings("\r\n")), CancellationToken.None);
        await client.LogoutAsync(CancellationToken.None);
    }

    /// <summary>The flags of every mail in INBOX, oldest first.</summary>
    public async Task<List<string>> FlagsAsync()
    {
        await using var client = await ImapClient.OpenAsync(Settings, CancellationToken.None);
        await client.SelectAsync("INBOX", CancellationToken.None);
        var flags = new List<string>();
        foreach (var uid in await client.AllAsync(CancellationToken.None))
        {
            flags.Add(await client.FlagsAsync(uid, CancellationToken.None));
        }
        await client.LogoutAsync(CancellationToken.None);
        return flags;
    }
}
