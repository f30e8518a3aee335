using AgentCli.CommandLine;
using AgentCli.Tests.Fakes;
using AgentCli.Tests.Support;
using AgentTickets.Testing;
using Microsoft.AspNetCore.Http;

namespace AgentCli.Tests;

/// <summary>One-shot runs against the fake host: every way the host or its stream can fail, and the exit code for each.</summary>
public sealed class StreamFailureTests
{
    [Fact]
    public async Task A_stream_that_ends_without_a_terminal_frame_is_an_error()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.TokenAsync(context, "Ticket 12 is ");
        });

        var result = await new CliHarness().RunAsync("resolve 12", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.BrokenStream, result.ExitCode);
        Assert.Equal("Ticket 12 is \n", result.Out);
        Assert.Contains("closed the stream before the answer finished", result.Error);
    }

    [Fact]
    public async Task A_connection_that_breaks_mid_stream_is_an_error()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.TokenAsync(context, "partial");
            await Sse.RawAsync(context, "event: token\ndata: {\"del");
            await Task.Delay(300); // let the bytes leave before the reset, or the client sees no response at all
            context.Abort();
        });

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.BrokenStream, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("before the answer finished", result.Error);
    }

    [Fact]
    public async Task A_host_that_hangs_up_before_answering_is_a_broken_stream_not_unreachable()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.BrokenStream, result.ExitCode);
        Assert.Contains("connection to the agent host broke", result.Error);
    }

    [Fact]
    public async Task A_frame_whose_data_is_not_json_is_a_protocol_error()
    {
        await using var host = await FakeAgentHost.StartAsync(async (context, _) =>
        {
            await Sse.BeginAsync(context);
            await Sse.RawAsync(context, "event: token\ndata: not json\n\n");
        });

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.BrokenStream, result.ExitCode);
        Assert.Contains("'token' frame's data is not valid JSON", result.Error);
    }

    [Fact]
    public async Task A_success_that_is_not_an_event_stream_is_a_protocol_error()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html>proxy login</html>");
        });

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.BrokenStream, result.ExitCode);
        Assert.Contains("expected an event stream (text/event-stream) but got 'text/html'", result.Error);
    }

    [Fact]
    public async Task A_400_is_reported_with_the_hosts_problem_detail_and_the_client_error_code()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) =>
            Results.Problem(detail: "message is required", statusCode: 400).ExecuteAsync(context));

        var result = await new CliHarness().RunAsync(" ", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.ClientError, result.ExitCode);
        Assert.Equal(" ", Assert.Single(host.Requests).Message);
        Assert.Equal("error: the agent host answered 400 Bad Request: message is required\n", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task A_500_is_reported_with_the_server_error_code()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 503;
            return context.Response.WriteAsync("ticket service\nis down");
        });

        var result = await new CliHarness().RunAsync("hello", "--url", host.Url.ToString());

        Assert.Equal(ExitCodes.ServerError, result.ExitCode);
        Assert.Equal("error: the agent host answered 503 Service Unavailable: ticket service is down\n", result.Error);
    }

    [Fact]
    public async Task An_unreachable_host_is_reported_with_a_hint_and_the_unreachable_code()
    {
        var url = $"http://127.0.0.1:{FreePort.Get()}";

        var result = await new CliHarness().RunAsync("hello", "--url", url);

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.StartsWith($"error: cannot reach the agent host at {url}/", result.Error);
        Assert.Contains("dotnet run --project AgentHost", result.Error);
    }

    [Fact]
    public async Task A_url_with_a_base_path_posts_to_chat_under_that_path()
    {
        await using var host = await FakeAgentHost.StartAsync((context, _) => Sse.AnswerAsync(context, "s-1", "ok"));
        var underPath = new Uri(host.Url, "/agent");

        // The fake maps only /chat, so a request to /agent/chat answers 404; the point is which URL was asked.
        var result = await new CliHarness().RunAsync("hello", "--url", underPath.ToString());

        Assert.Equal(ExitCodes.ClientError, result.ExitCode);
        Assert.Contains("404", result.Error);
        Assert.Empty(host.Requests);
    }
}
