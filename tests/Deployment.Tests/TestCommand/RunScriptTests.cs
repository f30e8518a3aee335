namespace Deployment.Tests.TestCommand;

/// <summary>
/// tests/run.sh, the test command, run for real on a PATH where the tools are present or absent as each
/// test chooses, with apt-get, sudo and id faked (docs/testing.md). It installs exactly what is missing,
/// says what, as root or through sudo, survives a failing apt-get update, and stops with a clear message
/// when it cannot install or the install did not bring the tool.
/// </summary>
public sealed class RunScriptTests
{
    private static readonly string[] AllTools = ["chromium", "docker-compose", "npx"];

    public RunScriptTests()
    {
        // The PostgreSQL probe is a file pattern, not a PATH lookup, so these tests see the real one.
        Assert.True(
            Directory.Exists("/usr/lib/postgresql") && Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any(),
            "PostgreSQL is not installed. Run the tests with 'bash tests/run.sh', which installs it; see docs/testing.md.");
    }

    [Fact]
    public async Task With_every_tool_present_it_installs_nothing_and_never_calls_apt()
    {
        using var path = new ScratchPath(AllTools, sudo: false);

        var (exitCode, output) = await path.RunAsync("--install-only");

        Assert.Equal(0, exitCode);
        Assert.Contains("nothing to install", output);
        Assert.Empty(path.Calls);
    }

    [Fact]
    public async Task As_root_it_installs_only_the_missing_docker_compose_and_says_so()
    {
        using var path = new ScratchPath(["chromium", "npx"], sudo: false);

        var (exitCode, output) = await path.RunAsync("--install-only");

        Assert.Equal(0, exitCode);
        Assert.Contains("tests/run.sh: installing docker-compose (apt-get)", output);
        Assert.Contains("tests/run.sh: installed docker-compose", output);
        Assert.Equal(2, path.Calls.Count);
        Assert.Matches(@"^apt-get DEBIAN_FRONTEND=noninteractive .*\bupdate\b", path.Calls[0]);
        Assert.Matches(@"^apt-get DEBIAN_FRONTEND=noninteractive .*\binstall -y .* docker-compose$", path.Calls[1]);
        Assert.True(File.Exists(Path.Combine(path.Bin, "docker-compose")));
    }

    [Fact]
    public async Task Run_again_after_installing_it_installs_nothing()
    {
        using var path = new ScratchPath([], sudo: false);
        Assert.Equal(0, (await path.RunAsync("--install-only")).ExitCode);
        var callsAfterFirstRun = path.Calls.Count;

        var (exitCode, output) = await path.RunAsync("--install-only");

        Assert.Equal(0, exitCode);
        Assert.Contains("nothing to install", output);
        Assert.Equal(callsAfterFirstRun, path.Calls.Count);
        Assert.EndsWith(" chromium docker-compose npm", path.Calls[^1]); // the first run's one install, all three at once
    }

    [Fact]
    public async Task Without_root_it_installs_through_sudo_with_the_noninteractive_front_end_on_the_command_line()
    {
        using var path = new ScratchPath(["chromium", "npx"], sudo: true, uid: 1000);

        var (exitCode, output) = await path.RunAsync("--install-only");

        Assert.True(exitCode == 0, output);
        Assert.Contains("installing docker-compose (apt-get through sudo)", output);
        Assert.StartsWith("sudo env DEBIAN_FRONTEND=noninteractive apt-get ", path.Calls[0]);
        // sudo resets the environment; the variable still reaches apt-get because it is an argument of env.
        Assert.Contains(path.Calls, call => call.StartsWith("apt-get DEBIAN_FRONTEND=noninteractive ", StringComparison.Ordinal) && call.EndsWith(" docker-compose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_root_or_sudo_it_stops_and_names_what_to_install()
    {
        using var path = new ScratchPath(["chromium", "npx"], sudo: false, uid: 1000);

        var (exitCode, output) = await path.RunAsync("--install-only");

        Assert.Equal(1, exitCode);
        Assert.Contains("not root and has no sudo", output);
        Assert.DoesNotContain("installing", output);
        Assert.Contains("apt-get install docker-compose", output);
        Assert.Empty(path.Calls);
    }

    [Fact]
    public async Task A_failing_apt_get_update_is_a_warning_and_the_install_still_runs()
    {
        using var path = new ScratchPath(["chromium", "npx"], sudo: false, aptUpdateExitCode: 100);

        var (exitCode, output) = await path.RunAsync("--install-only");

        Assert.True(exitCode == 0, output);
        Assert.Contains("warning: apt-get update reported a problem", output);
        Assert.Contains(path.Calls, call => call.EndsWith(" docker-compose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_install_that_does_not_bring_the_tool_fails_and_names_it()
    {
        using var path = new ScratchPath(["chromium", "npx"], sudo: false, installWorks: false);

        var (exitCode, output) = await path.RunAsync("--install-only");

        Assert.Equal(1, exitCode);
        Assert.Contains("what the tests start from docker-compose is still not found", output);
    }
}
