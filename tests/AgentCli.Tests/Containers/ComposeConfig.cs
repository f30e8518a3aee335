using AgentCli.Tests.Support;

namespace AgentCli.Tests.Containers;

/// <summary>
/// docker-compose.yml as Docker's own tooling reads it: <c>docker-compose config</c> (Debian's
/// docker-compose, installed by .ci/run) validates the file and prints it normalised, which is then read.
/// </summary>
internal sealed record ComposeConfig(Dictionary<string, object> Root, string Warnings)
{
    /// <summary>Variables a developer may have exported; removed so the output does not depend on the shell.</summary>
    private static readonly string[] ShellVariables =
    [
        "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_API_VERSION", "AZURE_OPENAI_CHAT_DEPLOYMENT",
        "AZURE_OPENAI_CHAT_DEPLOYMENT_MINI", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "AGENT_PORT",
        "TICKET_API_URL", "MCP_READ_ONLY", "ConnectionStrings__Tickets", "COMPOSE_FILE", "COMPOSE_PROJECT_NAME",
    ];

    /// <param name="envFile">The .env file compose reads; by default an empty one, which keeps a
    /// developer's own .env (and its secrets) out of the result.</param>
    public static async Task<ComposeConfig> LoadAsync(string? envFile = null)
    {
        var emptyEnvFile = Path.GetTempFileName();
        try
        {
            var environment = ShellVariables.ToDictionary(name => name, _ => (string?)null);
            await using var compose = ChildProcess.Start(
                "docker-compose",
                ["--env-file", envFile ?? emptyEnvFile, "--file", RepoPaths.File("docker-compose.yml"), "config"],
                environment);
            var exitCode = await compose.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}): {compose.ErrorText}");
            return new ComposeConfig(BlockYaml.Parse(compose.OutText), compose.ErrorText);
        }
        finally
        {
            File.Delete(emptyEnvFile);
        }
    }

    public Dictionary<string, object> Service(string name) =>
        (Dictionary<string, object>)((Dictionary<string, object>)Root["services"])[name];

    public IEnumerable<string> ServiceNames => ((Dictionary<string, object>)Root["services"]).Keys;

    public Dictionary<string, string> Environment(string service) =>
        Service(service).TryGetValue("environment", out var env)
            ? ((Dictionary<string, object>)env).ToDictionary(p => p.Key, p => (string)p.Value, StringComparer.Ordinal)
            : [];

    public IEnumerable<(string Published, string Target)> Ports(string service) =>
        ((List<object>)Service(service)["ports"]).Cast<Dictionary<string, object>>()
            .Select(p => ((string)p["published"], (string)p["target"]));
}
