using AgentTickets.Testing;

namespace Deployment.Tests.Containers;

/// <summary>
/// The PostgreSQL mode (docker-compose.postgres.yml over docker-compose.yml, docs/deployment.md): an
/// official PostgreSQL image with its own volume and health check, and the ticket service pointed at it
/// and started only once it is healthy.
/// </summary>
public sealed class ComposePostgresTests
{
    private static readonly Dictionary<string, string> Password = new() { ["POSTGRES_PASSWORD"] = ComposeConfig.TestPassword };

    [Fact]
    public async Task Docker_compose_accepts_the_postgres_override_without_warnings()
    {
        var config = await ComposeConfig.LoadAsync(ComposeConfig.Postgres, Password);

        Assert.Equal(["agent_host", "postgres", "ticket_api"], config.ServiceNames.Order(StringComparer.Ordinal));
        Assert.Equal(string.Empty, config.Warnings.Trim());
    }

    [Fact]
    public async Task The_postgres_service_runs_the_official_image_with_its_data_on_its_own_named_volume()
    {
        var config = await ComposeConfig.LoadAsync(ComposeConfig.Postgres, Password);

        Assert.Matches("^postgres:(15|16)$", (string)config.Service("postgres")["image"]);
        var mount = Assert.Single(config.Volumes("postgres"));
        Assert.Equal("/var/lib/postgresql/data", mount.Split(':')[1]);
        var volume = mount.Split(':')[0];
        Assert.Contains(volume, config.VolumeNames);
        // Not the SQLite volume: switching modes must never hand one store's files to the other.
        Assert.DoesNotContain(config.Volumes("ticket_api"), m => m.Split(':')[0] == volume);
    }

    [Fact]
    public async Task The_postgres_service_is_health_checked_with_pg_isready_on_the_tickets_database()
    {
        var config = await ComposeConfig.LoadAsync(ComposeConfig.Postgres, Password);

        var test = config.HealthCheckTest("postgres");
        Assert.Equal("CMD-SHELL", test[0]);
        Assert.Contains("pg_isready", test[1]);
        Assert.Contains("--dbname=tickets", test[1]);
        Assert.Contains("--username=tickets", test[1]);
    }

    [Fact]
    public async Task The_ticket_api_reads_a_postgres_connection_string_for_that_service_and_waits_for_it_to_be_healthy()
    {
        var config = await ComposeConfig.LoadAsync(ComposeConfig.Postgres, Password);

        var database = config.Environment("postgres");
        var connection = ConnectionStringPairs(config.Environment("ticket_api")["ConnectionStrings__Tickets"]);
        Assert.Equal("postgres", connection["Host"]);
        Assert.Equal("5432", connection["Port"]);
        Assert.Equal(database["POSTGRES_DB"], connection["Database"]);
        Assert.Equal(database["POSTGRES_USER"], connection["Username"]);
        Assert.Equal(ComposeConfig.TestPassword, connection["Password"]);
        Assert.Equal(ComposeConfig.TestPassword, database["POSTGRES_PASSWORD"]);
        Assert.Equal("service_healthy", config.DependsOnCondition("ticket_api", "postgres"));
        // The agent host still talks to the ticket service, never to the database.
        Assert.Equal("http://ticket_api:8000", config.Environment("agent_host")["TICKET_API_URL"]);
    }

    [Fact]
    public async Task The_postgres_service_is_given_only_variables_its_image_documents()
    {
        var config = await ComposeConfig.LoadAsync(ComposeConfig.Postgres, Password);

        // The official image's entrypoint reads these on the first start; anything else would be ignored.
        Assert.Equal(["POSTGRES_DB", "POSTGRES_PASSWORD", "POSTGRES_USER"], config.Environment("postgres").Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_postgres_mode_without_a_password_is_refused_with_a_message_naming_the_variable()
    {
        var (exitCode, _, errors) = await ComposeConfig.RenderAsync(ComposeConfig.Postgres);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("set POSTGRES_PASSWORD in .env", errors);
    }

    [Fact]
    public async Task The_postgres_mode_with_env_example_copied_as_is_asks_for_the_password()
    {
        var (exitCode, _, errors) = await ComposeConfig.RenderAsync(ComposeConfig.Postgres, envFile: RepoPaths.File(".env.example"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("set POSTGRES_PASSWORD in .env", errors);
    }

    [Fact]
    public async Task The_plain_mode_needs_no_password()
    {
        var config = await ComposeConfig.LoadAsync();

        Assert.StartsWith("Data Source=/data/", config.Environment("ticket_api")["ConnectionStrings__Tickets"]);
        Assert.DoesNotContain("postgres", config.ServiceNames);
    }

    private static Dictionary<string, string> ConnectionStringPairs(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
}
