using AgentTickets.Testing;
using Deployment.Tests.Support;

namespace Deployment.Tests.TestCommand;

/// <summary>
/// A PATH for running tests/run.sh as on another machine: a scratch folder holding only the few commands
/// the script's install step uses, stand-ins for the tools under test (present or not, as the test says),
/// and fakes of <c>id</c>, <c>sudo</c> and <c>apt-get</c> that write down how they were called. The fake
/// apt-get "installs" a package by putting a stand-in for its command in the folder; the fake sudo
/// resets the environment as the real one does (env_reset).
/// </summary>
internal sealed class ScratchPath : IDisposable
{
    /// <summary>The real commands the script's install step runs besides bash builtins.</summary>
    private static readonly string[] Borrowed = ["dirname", "sort", "tr", "env"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("run-sh-");

    public ScratchPath(string[] presentTools, bool sudo, int uid = 0, int aptUpdateExitCode = 0, bool installWorks = true)
    {
        Directory.CreateDirectory(Bin);
        foreach (var command in Borrowed)
        {
            File.CreateSymbolicLink(Path.Combine(Bin, command), RequiredTool.Find(command));
        }

        foreach (var tool in presentTools)
        {
            Script(tool, "exit 0");
        }

        Script("id", $"echo {uid}");
        if (sudo)
        {
            Script("sudo", $"""echo "sudo $*" >> "{Log}"; exec {RequiredTool.Find("env")} -i PATH="$PATH" "$@" """);
        }

        Script("apt-get", $$"""
            echo "apt-get DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-} $*" >> "{{Log}}"
            for arg; do [[ $arg == update ]] && exit {{aptUpdateExitCode}}; done
            {{(installWorks ? string.Empty : "exit 0")}}
            for arg; do
              case $arg in
                docker-compose) tool=docker-compose ;; chromium) tool=chromium ;; npm) tool=npx ;; *) continue ;;
              esac
              printf '#!/bin/bash\nexit 0\n' > "{{Bin}}/$tool"; {{RequiredTool.Find("chmod")}} +x "{{Bin}}/$tool"
            done
            """);
    }

    public string Bin => Path.Combine(_folder.FullName, "bin");

    private string Log => Path.Combine(_folder.FullName, "calls.log");

    /// <summary>Every call of the fake sudo and apt-get, in order.</summary>
    public IReadOnlyList<string> Calls => File.Exists(Log) ? File.ReadAllLines(Log) : [];

    /// <summary>Runs <c>bash tests/run.sh</c> with this PATH and nothing else on it.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        await using var run = ChildProcess.Start(
            RequiredTool.Find("bash"),
            [RepoPaths.File("tests", "run.sh"), .. arguments],
            new Dictionary<string, string?> { ["PATH"] = Bin, ["DEBIAN_FRONTEND"] = null });
        var exitCode = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, run.OutText + run.ErrorText);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private void Script(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, $"#!{RequiredTool.Find("bash")}\n{body}\n");
        // tests/run.sh is a Debian/Ubuntu script; on Windows there is nothing to mark executable.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
