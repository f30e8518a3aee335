using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgentTickets.Testing;
using TicketApi.Accounts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Accounts;

/// <summary>
/// The built service as a real process: the create-admin command, the start-up banner, and AUTH_MODE=local refused
/// on an address beyond loopback (docs/accounts.md, "Modes" and "First admin").
/// </summary>
public sealed partial class AccountProcessTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("agenttickets-accounts-");

    private string ConnectionString => $"Data Source={Path.Combine(_folder.FullName, "tickets.db")}";

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Create_admin_prints_a_one_time_password_that_signs_in_in_required_mode_and_can_be_changed()
    {
        var (code, output, error) = await RunCommandAsync("create-admin", "boss@example.com");
        Assert.True(code == 0, $"exit {code}: {output}{error}");
        var password = OneTimePasswordLine().Match(output).Groups["password"].Value;
        Assert.NotEmpty(password);

        await using var service = await TicketApiProcess.StartAsync(ConnectionString, CancellationToken.None, new Dictionary<string, string?> { ["AUTH_MODE"] = "required" });
        using var client = new HttpClient { BaseAddress = service.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/tickets/", UriKind.Relative))).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.LoginAsync(client, "boss@example.com", password));
        Assert.Equal("admin", (string?)JsonNode.Parse(await client.GetStringAsync(new Uri("/api/account/me", UriKind.Relative)))!["role"]);
        var changed = await client.PostAsJsonAsync("/api/account/manage/info", new { oldPassword = password, newPassword = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEmpty(await TestAccounts.LoginAsync(client, "boss@example.com"));
    }

    [Fact]
    public async Task Create_admin_again_changes_nothing_and_prints_no_password()
    {
        Assert.Equal(0, (await RunCommandAsync("create-admin", "boss@example.com")).Code);

        var (code, output, _) = await RunCommandAsync("create-admin", "boss@example.com");

        Assert.Equal(0, code);
        Assert.Contains("already an admin", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(OneTimePasswordLine(), output);
    }

    [Theory]
    [InlineData("create-admin")]
    [InlineData("create-admin", "not an address")]
    [InlineData("create-admin", "a@example.com", "b@example.com")]
    public async Task Create_admin_with_bad_input_exits_2_with_its_usage(params string[] args)
    {
        var (code, output, error) = await RunCommandAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("Usage: create-admin <email>", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task On_loopback_the_banner_says_requests_without_credentials_act_as_the_local_admin()
    {
        await using var service = await TicketApiProcess.StartAsync(ConnectionString, CancellationToken.None);

        await WaitForLogAsync(service, AccountsBanner.LocalAdvice);

        Assert.Contains("Accounts: local mode on http://127.0.0.1:", service.Log, StringComparison.Ordinal);
    }

    /// <summary>AUTH_MODE=local cannot open a desk that listens on every interface: it runs in required mode and says so.</summary>
    [Fact]
    public async Task Auth_mode_local_on_every_interface_is_overruled_with_a_warning_and_answers_401_without_credentials()
    {
        await using var service = await TicketApiProcess.StartAsync(ConnectionString, CancellationToken.None,
            new Dictionary<string, string?> { ["AUTH_MODE"] = "local" }, listenAddress: "0.0.0.0");
        using var client = new HttpClient { BaseAddress = service.Url };

        var response = await client.GetAsync(new Uri("/api/tickets/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        await WaitForLogAsync(service, "AUTH_MODE=local overruled, required mode");
        Assert.DoesNotContain(AccountsBanner.LocalAdvice, service.Log, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunCommandAsync(params string[] args)
    {
        var dll = typeof(AccountProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TicketApiDll").Value!;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ConnectionStrings__Tickets"] = ConnectionString;
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output, await error);
    }

    private static async Task WaitForLogAsync(TicketApiProcess service, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!service.Log.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the log never said '{text}':\n{service.Log}");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"One-time password \(shown once\): (?<password>\S+)")]
    private static partial Regex OneTimePasswordLine();
}
