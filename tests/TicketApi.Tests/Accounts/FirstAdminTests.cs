using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Accounts.Admin;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Accounts;

/// <summary>The first admin from ADMIN_EMAIL/ADMIN_PASSWORD at start-up (docs/accounts.md, "First admin"), on both stores.</summary>
public abstract class FirstAdminTests(TicketStoreFixture store)
{
    private const string Email = "boss@example.com";

    private TicketApiFactory Factory(string? email = Email, string? password = TestAccounts.Password) =>
        new(store, services => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required, AdminEmail = email, AdminPassword = password }));

    [Fact]
    public async Task The_admin_of_the_settings_is_made_at_start_up_and_signs_in()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        client.DefaultRequestHeaders.Authorization = new("Bearer", await TestAccounts.LoginAsync(client, Email));
        var me = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/account/me", UriKind.Relative)))!;

        Assert.Equal("admin", (string?)me["role"]);
        Assert.Equal(Email, (string?)me["email"]);
    }

    [Fact]
    public async Task Settings_used_again_change_nothing_and_never_overwrite_a_password()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();
        var admin = factory.Services.GetRequiredService<FirstAdmin>();

        var again = await admin.EnsureAsync(Email, "Another-Horse-7-battery", CancellationToken.None);
        var other = await admin.EnsureAsync("second@example.com", "Another-Horse-7-battery", CancellationToken.None);

        Assert.Equal(FirstAdminOutcome.AdminExists, again.Outcome);
        Assert.Equal(FirstAdminOutcome.AdminExists, other.Outcome);
        Assert.NotEmpty(await TestAccounts.LoginAsync(client, Email));
        var refused = await client.PostAsJsonAsync("/api/account/login", new { email = "second@example.com", password = "Another-Horse-7-battery" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_desk_without_an_admin_promotes_the_person_named_and_keeps_their_password()
    {
        using var factory = Factory(email: null, password: null);
        using var client = factory.CreateClient();
        await TestAccounts.CreateUserAsync(factory.Services, Email, "requester");

        var (outcome, errors) = await factory.Services.GetRequiredService<FirstAdmin>().EnsureAsync(Email, "Another-Horse-7-battery", CancellationToken.None);

        Assert.Empty(errors);
        Assert.Equal(FirstAdminOutcome.Promoted, outcome);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TestAccounts.LoginAsync(client, Email));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/users/", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(Email, null, "ADMIN_EMAIL and ADMIN_PASSWORD go together")]
    [InlineData(null, TestAccounts.Password, "ADMIN_EMAIL and ADMIN_PASSWORD go together")]
    [InlineData(Email, "short", "could not be created")]
    public void Incomplete_or_refused_admin_settings_stop_the_start_with_the_reason(string? email, string? password, string reason)
    {
        using var factory = Factory(email, password);

        var failure = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }
}

public sealed class FirstAdminOnSqliteTests() : FirstAdminTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class FirstAdminOnPostgresTests(PostgresServer server) : FirstAdminTests(server);
