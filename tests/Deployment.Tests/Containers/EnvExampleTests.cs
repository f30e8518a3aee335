using System.Text.RegularExpressions;
using AgentTickets.Testing;

namespace Deployment.Tests.Containers;

/// <summary>
/// .env.example against what really reads it: every variable the compose files interpolate or pass, and
/// every setting the services' code reads, is named there with a comment; and compose reads it as is.
/// </summary>
public sealed partial class EnvExampleTests
{
    [Fact]
    public async Task Env_example_names_every_variable_compose_passes_to_our_services_with_a_comment_on_each()
    {
        var config = await ComposeConfig.LoadAsync();
        var example = EnvExample.Load();

        var passed = config.BuiltServiceNames.SelectMany(config.Environment).Select(p => p.Key).Distinct();
        Assert.All(passed, name => Assert.Contains(name, example.Names));
        Assert.All(example.Names, name => Assert.True(example.IsCommented(name), $".env.example has no comment above {name}"));
    }

    [Fact]
    public void Env_example_names_every_variable_the_compose_files_interpolate()
    {
        var example = EnvExample.Load();

        var interpolated = ComposeConfig.Postgres
            .SelectMany(file => File.ReadAllLines(RepoPaths.File(file)))
            .Where(line => !line.TrimStart().StartsWith('#'))
            .SelectMany(line => Interpolation().Matches(line))
            .Select(match => match.Groups[1].Value)
            .Distinct()
            .ToList();

        Assert.Contains("PUBLISH_ADDRESS", interpolated); // the scan sees the files' variables at all
        Assert.All(interpolated, name => Assert.True(example.Names.Contains(name), $"the compose files read ${{{name}}}, but .env.example does not explain it"));
    }

    [Fact]
    public async Task Env_example_copied_to_env_is_read_by_docker_compose_as_is()
    {
        var config = await ComposeConfig.LoadAsync(envFile: RepoPaths.File(".env.example"));

        Assert.Equal(string.Empty, config.Warnings.Trim());
        Assert.Equal([new PublishedPort("127.0.0.1", "8100", "8100")], config.Ports("agent_host"));
        // A model left unconfigured in .env reaches the host as an empty value, which it reads as unset.
        Assert.Equal(string.Empty, config.Environment("agent_host")["OPENAI_API_KEY"]);
        Assert.Equal("http://ticket_api:8000", config.Environment("agent_host")["TICKET_API_URL"]);
    }

    [Fact]
    public void Env_example_names_every_setting_the_services_code_reads()
    {
        var read = ServiceSources.UpperSnakeNames();
        var example = EnvExample.Load();

        Assert.Contains("AGENT_PORT", read); // the scan sees the services' settings at all
        Assert.All(read, name => Assert.True(example.Names.Contains(name), $"the services read {name}, but .env.example does not explain it"));
        Assert.Contains("ConnectionStrings__Tickets", example.Names);
        Assert.True(ServiceSources.Read("ConnectionStrings__Tickets"));
    }

    [Fact]
    public void Env_example_names_the_configuration_the_design_promises()
    {
        var example = EnvExample.Load();

        string[] promised =
        [
            "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_API_VERSION", "AZURE_OPENAI_CHAT_DEPLOYMENT",
            "AZURE_OPENAI_CHAT_DEPLOYMENT_MINI", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "AGENT_PORT",
            "TICKET_API_URL", "MCP_READ_ONLY", "ConnectionStrings__Tickets", "PUBLISH_ADDRESS", "POSTGRES_PASSWORD",
        ];
        Assert.All(promised, name => Assert.Contains(name, example.Names));
        Assert.Equal(example.Names.Count, example.Names.Distinct().Count());
    }

    /// <summary>"${NAME}", "${NAME:-default}", "${NAME:?message}": compose's interpolation forms.</summary>
    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Interpolation();
}
