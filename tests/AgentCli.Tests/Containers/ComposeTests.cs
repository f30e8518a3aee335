using AgentCli.Tests.Support;

namespace AgentCli.Tests.Containers;

/// <summary>
/// docker-compose.yml, checked without a Docker engine (none runs here): Docker's compose tool must
/// accept it, it must wire the services as documented, and every variable it passes must be one the
/// services really read and .env.example explains.
/// </summary>
public sealed class ComposeTests
{
    [Fact]
    public async Task Docker_compose_accepts_the_file_without_warnings()
    {
        var config = await ComposeConfig.LoadAsync();

        Assert.Equal(["agent_host", "ticket_api"], config.ServiceNames.Order(StringComparer.Ordinal));
        // Unset-variable warnings mean a "${NAME}" without a default: compose would pass "" silently.
        Assert.Equal(string.Empty, config.Warnings.Trim());
    }

    [Fact]
    public async Task Both_images_build_from_the_repository_root_with_their_own_dockerfile()
    {
        var config = await ComposeConfig.LoadAsync();

        foreach (var (service, dockerfile) in (ReadOnlySpan<(string, string)>)[("ticket_api", "TicketApi/Dockerfile"), ("agent_host", "AgentHost/Dockerfile")])
        {
            var build = (Dictionary<string, object>)config.Service(service)["build"];
            Assert.Equal(RepoPaths.Root, Path.TrimEndingDirectorySeparator((string)build["context"]));
            Assert.Equal(dockerfile, build["dockerfile"]);
            Assert.True(File.Exists(RepoPaths.File(dockerfile)), $"{dockerfile} is missing");
        }
    }

    [Fact]
    public async Task The_ticket_api_publishes_8000_and_keeps_its_sqlite_file_on_a_named_volume()
    {
        var config = await ComposeConfig.LoadAsync();

        Assert.Contains(("8000", "8000"), config.Ports("ticket_api"));
        var mount = Assert.Single((List<object>)config.Service("ticket_api")["volumes"]).ToString()!;
        var (volume, directory) = (mount.Split(':')[0], mount.Split(':')[1]);
        Assert.Contains(volume, ((Dictionary<string, object>)config.Root["volumes"]).Keys);
        var connectionString = config.Environment("ticket_api")["ConnectionStrings__Tickets"];
        Assert.StartsWith($"Data Source={directory}/", connectionString);
    }

    [Fact]
    public async Task The_agent_host_publishes_8100_talks_to_the_ticket_api_and_waits_for_it_to_be_healthy()
    {
        var config = await ComposeConfig.LoadAsync();

        Assert.Contains(("8100", "8100"), config.Ports("agent_host"));
        Assert.Equal("http://ticket_api:8000", config.Environment("agent_host")["TICKET_API_URL"]);
        var dependsOn = (Dictionary<string, object>)config.Service("agent_host")["depends_on"];
        Assert.Equal("service_healthy", ((Dictionary<string, object>)dependsOn["ticket_api"])["condition"]);
        // service_healthy needs a health check on the ticket_api image.
        Assert.Contains(Dockerfile.Load("TicketApi/Dockerfile").Instructions, i => i.Keyword == "HEALTHCHECK");
    }

    [Fact]
    public async Task Every_variable_compose_passes_is_read_by_the_services_code()
    {
        var config = await ComposeConfig.LoadAsync();

        var passed = config.ServiceNames.SelectMany(config.Environment).Select(p => p.Key).Distinct().ToList();
        Assert.NotEmpty(passed);
        Assert.All(passed, name => Assert.True(ServiceSources.Read(name), $"compose passes {name}, but no service reads it"));
    }

    [Fact]
    public async Task Env_example_names_every_variable_compose_passes_with_a_comment_on_each()
    {
        var config = await ComposeConfig.LoadAsync();
        var example = EnvExample.Load();

        var passed = config.ServiceNames.SelectMany(config.Environment).Select(p => p.Key).Distinct();
        Assert.All(passed, name => Assert.Contains(name, example.Names));
        Assert.All(example.Names, name => Assert.True(example.IsCommented(name), $".env.example has no comment above {name}"));
    }

    [Fact]
    public async Task Env_example_copied_to_env_is_read_by_docker_compose_as_is()
    {
        var config = await ComposeConfig.LoadAsync(envFile: RepoPaths.File(".env.example"));

        Assert.Equal(string.Empty, config.Warnings.Trim());
        Assert.Contains(("8100", "8100"), config.Ports("agent_host"));
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
            "TICKET_API_URL", "MCP_READ_ONLY", "ConnectionStrings__Tickets",
        ];
        Assert.All(promised, name => Assert.Contains(name, example.Names));
        Assert.Equal(example.Names.Count, example.Names.Distinct().Count());
    }
}
