namespace Deployment.Tests.Containers;

/// <summary>
/// Closed by default (docs/deployment.md): neither service asks for authentication, so every port compose
/// publishes listens on the machine's loopback unless PUBLISH_ADDRESS opens it on purpose.
/// </summary>
public sealed class ComposePublishingTests
{
    public static TheoryData<string> Modes => ["default", "postgres"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Every_published_port_binds_loopback_by_default(string mode)
    {
        var config = await LoadAsync(mode);

        var published = config.ServiceNames.SelectMany(service => config.Ports(service).Select(port => (service, port))).ToList();
        Assert.Equal(["agent_host", "ticket_api"], published.Select(p => p.service).Order(StringComparer.Ordinal));
        Assert.All(published, p => Assert.True(p.port.HostIp == "127.0.0.1", $"{p.service} publishes {p.port.Published} on '{p.port.HostIp}' (empty: every interface)"));
    }

    [Fact]
    public async Task The_postgres_service_publishes_no_port_at_all()
    {
        var config = await LoadAsync("postgres");

        Assert.Empty(config.Ports("postgres"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Publish_address_in_the_shell_opens_every_published_port_on_that_address(string mode)
    {
        var config = await LoadAsync(mode, new() { ["PUBLISH_ADDRESS"] = "0.0.0.0" });

        Assert.Equal(
            [new PublishedPort("0.0.0.0", "8100", "8100"), new PublishedPort("0.0.0.0", "8000", "8000")],
            [.. config.Ports("agent_host"), .. config.Ports("ticket_api")]);
    }

    [Fact]
    public async Task Publish_address_in_the_env_file_opens_the_ports_too()
    {
        var envFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(envFile, "PUBLISH_ADDRESS=192.168.7.20\n");

            var config = await ComposeConfig.LoadAsync(envFile: envFile);

            Assert.Equal("192.168.7.20", Assert.Single(config.Ports("ticket_api")).HostIp);
            Assert.Equal("192.168.7.20", Assert.Single(config.Ports("agent_host")).HostIp);
        }
        finally
        {
            File.Delete(envFile);
        }
    }

    [Fact]
    public async Task Agent_port_moves_the_agent_host_on_the_machine_and_keeps_it_on_loopback()
    {
        var config = await ComposeConfig.LoadAsync(variables: new Dictionary<string, string> { ["AGENT_PORT"] = "18100" });

        Assert.Equal([new PublishedPort("127.0.0.1", "18100", "8100")], config.Ports("agent_host"));
    }

    private static Task<ComposeConfig> LoadAsync(string mode, Dictionary<string, string>? variables = null)
    {
        variables ??= [];
        variables["POSTGRES_PASSWORD"] = ComposeConfig.TestPassword;
        return ComposeConfig.LoadAsync(mode == "postgres" ? ComposeConfig.Postgres : ComposeConfig.Default, variables);
    }
}
