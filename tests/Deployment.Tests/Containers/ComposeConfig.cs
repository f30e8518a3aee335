using AgentTickets.Testing;
using Deployment.Tests.Support;
using YamlDotNet.Serialization;

namespace Deployment.Tests.Containers;

/// <summary>One port a service publishes on the machine: <c>HostIp</c> is empty when it is every interface.</summary>
internal sealed record PublishedPort(string HostIp, string Published, string Target);

/// <summary>
/// The compose files as Docker's own tooling reads them: <c>docker-compose config</c> (Debian's
/// docker-compose, which tests/run.sh installs) merges and validates them, interpolates the variables
/// and prints the result normalised, which is then read with YamlDotNet.
/// </summary>
internal sealed record ComposeConfig(IReadOnlyDictionary<string, object> Root, string Warnings)
{
    /// <summary>The plain mode: SQLite on a named volume.</summary>
    public static readonly string[] Default = ["docker-compose.yml"];

    /// <summary>PostgreSQL mode: the override file adds the database service and points ticket_api at it.</summary>
    public static readonly string[] Postgres = ["docker-compose.yml", "docker-compose.postgres.yml"];

    /// <summary>A password for the PostgreSQL mode, which refuses to render without one.</summary>
    public const string TestPassword = "drill-password";

    /// <summary>
    /// Renders <paramref name="files"/> and fails the test if compose refuses them.
    /// </summary>
    /// <param name="variables">Values as if exported in the shell (they win over the .env file).</param>
    /// <param name="envFile">The .env file compose reads; by default an empty one, which keeps a
    /// developer's own .env (and its secrets) out of the result.</param>
    public static async Task<ComposeConfig> LoadAsync(
        string[]? files = null, IReadOnlyDictionary<string, string>? variables = null, string? envFile = null)
    {
        var (exitCode, output, errors) = await RenderAsync(files ?? Default, variables, envFile);
        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}): {errors}");
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(output);
        return new ComposeConfig(AsMap(root), errors);
    }

    /// <summary>Runs <c>docker-compose config</c> and returns what it said, refusal included.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RenderAsync(
        string[] files, IReadOnlyDictionary<string, string>? variables = null, string? envFile = null)
    {
        var compose = RequiredTool.Find("docker-compose");
        var emptyEnvFile = Path.GetTempFileName();
        try
        {
            // Every variable the files may interpolate is cleared first, so a developer's shell cannot
            // change the result; then the test's own values are set.
            var environment = ShellVariables().ToDictionary(name => name, _ => (string?)null, StringComparer.Ordinal);
            foreach (var (name, value) in variables ?? new Dictionary<string, string>())
            {
                environment[name] = value;
            }

            string[] arguments = ["--env-file", envFile ?? emptyEnvFile, .. files.SelectMany(file => (string[])["--file", RepoPaths.File(file)]), "config"];
            await using var process = ChildProcess.Start(compose, arguments, environment);
            var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
            return (exitCode, process.OutText, process.ErrorText);
        }
        finally
        {
            File.Delete(emptyEnvFile);
        }
    }

    public IReadOnlyDictionary<string, object> Service(string name) => AsMap(AsMap(Root["services"])[name]);

    public IEnumerable<string> ServiceNames => AsMap(Root["services"]).Keys;

    public IEnumerable<string> VolumeNames => Root.TryGetValue("volumes", out var volumes) ? AsMap(volumes).Keys : [];

    /// <summary>Services built from this repository (the others run a published image).</summary>
    public IEnumerable<string> BuiltServiceNames => ServiceNames.Where(name => Service(name).ContainsKey("build"));

    public Dictionary<string, string> Environment(string service) =>
        Service(service).TryGetValue("environment", out var env)
            ? AsMap(env).ToDictionary(p => p.Key, p => (string?)p.Value ?? string.Empty, StringComparer.Ordinal)
            : [];

    public IReadOnlyList<string> Volumes(string service) =>
        Service(service).TryGetValue("volumes", out var volumes) ? ((List<object>)volumes).Cast<string>().ToList() : [];

    /// <summary>The condition <paramref name="service"/> waits for on <paramref name="dependency"/>, or null if it does not depend on it.</summary>
    public string? DependsOnCondition(string service, string dependency) =>
        Service(service).TryGetValue("depends_on", out var dependsOn) && AsMap(dependsOn).TryGetValue(dependency, out var how)
            ? (string)AsMap(how)["condition"]
            : null;

    /// <summary>The build context and Dockerfile of a service built from this repository.</summary>
    public (string Context, string Dockerfile) Build(string service)
    {
        var build = AsMap(Service(service)["build"]);
        return ((string)build["context"], (string)build["dockerfile"]);
    }

    /// <summary>The health check's test, e.g. ["CMD-SHELL", "pg_isready ..."].</summary>
    public IReadOnlyList<string> HealthCheckTest(string service) =>
        ((List<object>)AsMap(Service(service)["healthcheck"])["test"]).Cast<string>().ToList();

    /// <summary>
    /// The published ports. docker-compose prints <c>"127.0.0.1:8000:8000/tcp"</c> when a host address is
    /// given and the long form (<c>published</c>, <c>target</c>, maybe <c>host_ip</c>) otherwise.
    /// </summary>
    public IReadOnlyList<PublishedPort> Ports(string service) =>
        Service(service).TryGetValue("ports", out var ports)
            ? ((List<object>)ports).Select(ParsePort).ToList()
            : [];

    private static PublishedPort ParsePort(object port)
    {
        if (port is string text)
        {
            var parts = text.Split('/')[0].Split(':');
            return parts.Length switch
            {
                3 => new PublishedPort(parts[0], parts[1], parts[2]),
                2 => new PublishedPort(string.Empty, parts[0], parts[1]),
                _ => throw new FormatException($"unexpected port '{text}'"),
            };
        }

        var map = AsMap(port);
        return new PublishedPort(
            map.TryGetValue("host_ip", out var ip) ? (string)ip : string.Empty, (string)map["published"], (string)map["target"]);
    }

    /// <summary>Names the compose files may read from the shell: every .env.example name and compose's own.</summary>
    private static IEnumerable<string> ShellVariables() =>
        EnvExample.Load().Names.Concat(["COMPOSE_FILE", "COMPOSE_PROJECT_NAME", "COMPOSE_PROFILES"]).Distinct(StringComparer.Ordinal);

    /// <summary>YamlDotNet gives untyped mappings with object keys; compose keys are always strings.</summary>
    private static Dictionary<string, object> AsMap(object node) =>
        ((Dictionary<object, object>)node).ToDictionary(p => (string)p.Key, p => p.Value, StringComparer.Ordinal);
}
