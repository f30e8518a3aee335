using AgentCli.CommandLine;
using AgentCli.Tests.Fakes;
using AgentCli.Tests.Support;

namespace AgentCli.Tests;

/// <summary>How the command line and AGENT_URL pick the message and the host.</summary>
public sealed class ArgumentTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void The_url_defaults_to_loopback_port_8100()
    {
        var (settings, _) = CliSettings.Resolve("hi", null, null, NoEnvironment);

        Assert.Equal(new Uri("http://127.0.0.1:8100"), settings!.AgentUrl);
        Assert.Equal("hi", settings.Message);
    }

    [Fact]
    public void AGENT_URL_replaces_the_default()
    {
        var (settings, _) = CliSettings.Resolve("hi", null, null, name => name == "AGENT_URL" ? "http://agent:9000" : null);

        Assert.Equal(new Uri("http://agent:9000"), settings!.AgentUrl);
    }

    [Fact]
    public void The_second_positional_argument_wins_over_AGENT_URL()
    {
        var (settings, _) = CliSettings.Resolve("hi", null, "http://positional:1", _ => "http://env:2");

        Assert.Equal(new Uri("http://positional:1"), settings!.AgentUrl);
    }

    [Fact]
    public void The_url_option_wins_over_the_positional_url_and_AGENT_URL()
    {
        var (settings, _) = CliSettings.Resolve("hi", "http://option:3", "http://positional:1", _ => "http://env:2");

        Assert.Equal(new Uri("http://option:3"), settings!.AgentUrl);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://host/")]
    [InlineData("127.0.0.1:8100")]
    public void A_url_that_is_not_http_is_refused_naming_where_it_came_from(string url)
    {
        var (settings, error) = CliSettings.Resolve("hi", url, null, NoEnvironment);

        Assert.Null(settings);
        Assert.Contains(url, error);
        Assert.Contains("--url", error);
    }

    [Fact]
    public async Task The_second_positional_argument_is_used_as_the_url_on_a_real_run()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Sse.AnswerAsync(context, "s-1", "ok"));

        var result = await new CliHarness().WithVariable("AGENT_URL", "http://127.0.0.1:1").RunAsync("hello", host.Url.ToString());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("hello", Assert.Single(host.Requests).Message);
    }

    [Fact]
    public async Task AGENT_URL_is_used_when_no_url_is_given()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Sse.AnswerAsync(context, "s-1", "ok"));

        var result = await new CliHarness().WithVariable("AGENT_URL", host.Url.ToString()).RunAsync("hello");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Single(host.Requests);
    }

    [Fact]
    public async Task A_bad_url_is_a_usage_error_and_nothing_is_sent()
    {
        var result = await new CliHarness().RunAsync("hello", "--url", "localhost:8100");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("'localhost:8100' from --url is not an http:// or https:// URL", result.Error);
    }

    [Theory]
    [InlineData("--ulr", "http://x")]
    [InlineData("hello", "http://x", "extra")]
    [InlineData("--url")]
    public async Task A_malformed_command_line_is_a_usage_error(params string[] args)
    {
        var result = await new CliHarness().RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("--help", result.Error);
    }

    [Fact]
    public async Task Help_describes_the_message_the_url_and_the_environment_variable()
    {
        var result = await new CliHarness().RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("<message>", result.Out);
        Assert.Contains("--url", result.Out);
        Assert.Contains("AGENT_URL", result.Out);
    }
}
