using AgentTickets.Testing;

namespace Deployment.Tests.Containers;

/// <summary>
/// docker-compose.yml in its plain (SQLite) mode, checked without a Docker engine (none runs here):
/// Docker's compose tool must accept it, and it must wire the services as docs/deployment.md says.
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

        Assert.Equal(["agent_host", "ticket_api"], config.BuiltServiceNames.Order(StringComparer.Ordinal));
        foreach (var (service, dockerfile) in (ReadOnlySpan<(string, string)>)[("ticket_api", "TicketApi/Dockerfile"), ("agent_host", "AgentHost/Dockerfile")])
        {
            var build = config.Build(service);
            Assert.Equal(RepoPaths.Root, Path.TrimEndingDirectorySeparator(build.Context));
            Assert.Equal(dockerfile, build.Dockerfile);
            Assert.True(File.Exists(RepoPaths.File(dockerfile)), $"{dockerfile} is missing");
        }
    }

    [Fact]
    public async Task The_ticket_api_publishes_8000_and_keeps_its_sqlite_file_on_a_named_volume()
    {
        var config = await ComposeConfig.LoadAsync();

        Assert.Equal(["8000:8000"], config.Ports("ticket_api").Select(p => $"{p.Published}:{p.Target}"));
        var mount = Assert.Single(config.Volumes("ticket_api"));
        var (volume, directory) = (mount.Split(':')[0], mount.Split(':')[1]);
        Assert.Contains(volume, config.VolumeNames);
        var connectionString = config.Environment("ticket_api")["ConnectionStrings__Tickets"];
        Assert.StartsWith($"Data Source={directory}/", connectionString);
    }

    [Fact]
    public async Task The_agent_host_publishes_8100_talks_to_the_ticket_api_and_waits_for_it_to_be_healthy()
    {
        var config = await ComposeConfig.LoadAsync();

        Assert.Equal(["8100:8100"], config.Ports("agent_host").Select(p => $"{p.Published}:{p.Target}"));
        Assert.Equal("http://ticket_api:8000", config.Environment("agent_host")["TICKET_API_URL"]);
        Assert.Equal("service_healthy", config.DependsOnCondition("agent_host", "ticket_api"));
        // service_healthy needs a health check on the ticket_api image.
        Assert.Contains(Dockerfile.Load("TicketApi/Dockerfile").Instructions, i => i.Keyword == "HEALTHCHECK");
    }

    [Fact]
    public async Task Every_variable_compose_passes_to_our_services_is_read_by_the_services_code()
    {
        foreach (var files in (string[][])[ComposeConfig.Default, ComposeConfig.Postgres])
        {
            var config = await ComposeConfig.LoadAsync(files, new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = ComposeConfig.TestPassword });

            var passed = config.BuiltServiceNames.SelectMany(config.Environment).Select(p => p.Key).Distinct().ToList();
            Assert.NotEmpty(passed);
            Assert.All(passed, name => Assert.True(ServiceSources.Read(name), $"compose passes {name}, but no service reads it"));
        }
    }

    [Fact]
    public async Task The_ticket_api_is_given_kb_seed_so_a_compose_deployment_can_start_with_an_empty_knowledge_base()
    {
        foreach (var files in (string[][])[ComposeConfig.Default, ComposeConfig.Postgres])
        {
            var config = await ComposeConfig.LoadAsync(files, new Dictionary<string, string>
            {
                ["POSTGRES_PASSWORD"] = ComposeConfig.TestPassword,
                ["KB_SEED"] = "false",
            });

            Assert.Equal("false", config.Environment("ticket_api")["KB_SEED"]);
        }
    }
}
