using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTickets.Testing;

/// <summary>
/// People for tests, made the real way: a user stored through Identity's <see cref="UserManager{TUser}"/> with
/// a role, then signed in through <c>POST /api/account/login</c>, whose bearer token the returned client sends
/// (docs/accounts.md). Works in both modes: in local mode a credential, when given, is honoured.
/// </summary>
public static class TestAccounts
{
    public const string Password = "Correct-Horse-9-battery";

    /// <summary>Stores a person with <paramref name="role"/> (requester, agent or admin) and returns their id.</summary>
    public static async Task<string> CreateUserAsync(IServiceProvider services, string email, string role, string password = Password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        // Made as an admin makes people (POST /api/users/): the address is vouched for, so tickets sent to it are theirs.
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user.Id;
    }

    /// <summary>A bearer token for the person, from Identity's login endpoint.</summary>
    public static async Task<string> LoginAsync(HttpClient client, string email, string password = Password)
    {
        using var response = await client.PostAsJsonAsync("/api/account/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string)body["accessToken"]!;
    }

    /// <summary>A client of <paramref name="factory"/> signed in as a new person with <paramref name="role"/>.</summary>
    public static async Task<HttpClient> SignInAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory, string email, string role)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        await CreateUserAsync(factory.Services, email, role);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(client, email));
        return client;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(error => error.Description)));
        }
    }
}
