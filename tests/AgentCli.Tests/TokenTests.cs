using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentCli.CommandLine;
using AgentCli.Tests.Fakes;
using AgentCli.Tests.Support;
using AgentTickets.Testing;
using Microsoft.AspNetCore.Http;

namespace AgentCli.Tests;

/// <summary>
/// <c>--token</c> and <c>AGENT_TOKEN</c>: the credential a host in required mode asks for (docs/accounts.md, "API keys"),
/// against a stand-in host and against the real agent host process.
/// </summary>
public sealed class TokenTests
{
    private const string Key = "at_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    private static Task Unauthorized(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_token_option_is_sent_as_a_bearer_authorization_header()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Sse.AnswerAsync(context, "s-1", "ok"));

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString(), "--token", Key);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal($"Bearer {Key}", Assert.Single(host.Requests).Authorization);
    }

    [Fact]
    public async Task AGENT_TOKEN_is_sent_when_no_option_is_given_and_the_option_wins_over_it()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Sse.AnswerAsync(context, "s-1", "ok"));

        await new CliHarness().WithVariable("AGENT_TOKEN", Key).RunAsync("hello", "--url", host.Url.ToString());
        await new CliHarness().WithVariable("AGENT_TOKEN", Key).RunAsync("hello", "--url", host.Url.ToString(), "--token", "at_other");

        Assert.Equal([$"Bearer {Key}", "Bearer at_other"], host.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Without_a_token_nothing_is_sent_as_authorization()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Sse.AnswerAsync(context, "s-1", "ok"));

        await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Null(Assert.Single(host.Requests).Authorization);
    }

    [Fact]
    public async Task A_401_without_a_token_says_the_host_needs_one_and_exits_with_code_7()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Unauthorized(context));

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Unauthorized, result.ExitCode);
        Assert.Contains("the agent host needs a token: --token or AGENT_TOKEN", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task A_401_for_a_token_says_the_token_was_refused()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Unauthorized(context));

        var result = await new CliHarness().WithVariable("AGENT_TOKEN", Key).RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.Unauthorized, result.ExitCode);
        Assert.Contains("refused the token", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("at_two words")]
    [InlineData("at_line\nbreak")]
    public async Task A_token_that_cannot_be_a_header_value_is_a_usage_error_and_nothing_is_sent(string token)
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Sse.AnswerAsync(context, "s-1", "ok"));

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString(), "--token", token);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("the token from --token", result.Error, StringComparison.Ordinal);
        Assert.Empty(host.Requests);
    }

    [Fact]
    public async Task Help_describes_the_token_option_and_its_environment_variable()
    {
        var result = await new CliHarness().RunAsync("--help");

        Assert.Contains("--token", result.Out, StringComparison.Ordinal);
        Assert.Contains("AGENT_TOKEN", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_the_real_agent_host_in_required_mode_the_cli_needs_a_key_and_works_with_one()
    {
        await using var host = await ServiceProcess.StartAgentHostAsync((_, _) => new Dictionary<string, string?> { ["AUTH_MODE"] = "required" });
        using var http = new HttpClient { BaseAddress = host.Url };
        const string email = "dana@example.com", password = "Correct-Horse-9-battery";
        (await http.PostAsJsonAsync("/api/account/register", new { email, password })).EnsureSuccessStatusCode();
        var login = JsonNode.Parse(await (await http.PostAsJsonAsync("/api/account/login", new { email, password })).Content.ReadAsStringAsync())!;
        http.DefaultRequestHeaders.Authorization = new("Bearer", (string)login["accessToken"]!);
        var issued = await http.PostAsJsonAsync("/api/keys", new { name = "cli", scopes = new[] { "write" } });
        var key = (string)JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["key"]!;

        await using (var refused = CliProcess.Start(["list all open tickets", "--url", host.Url.ToString()]))
        {
            Assert.Equal(ExitCodes.Unauthorized, await refused.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("the agent host needs a token: --token or AGENT_TOKEN", refused.ErrorText, StringComparison.Ordinal);
        }
        await using var answered = CliProcess.Start(["list all open tickets", "--url", host.Url.ToString()],
            new Dictionary<string, string?> { ["AGENT_TOKEN"] = key });
        var exitCode = await answered.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == ExitCodes.Ok, $"exit {exitCode}; stderr: {answered.ErrorText}; host: {host.Log}");
        Assert.Contains("list_tickets", answered.ErrorText, StringComparison.Ordinal);
    }
}
