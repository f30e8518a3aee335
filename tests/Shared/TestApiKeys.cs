using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AgentTickets.Testing;

/// <summary>API keys for tests, issued the real way: <c>POST /api/keys</c> by a signed-in client (docs/accounts.md, "API keys").</summary>
public static class TestApiKeys
{
    /// <summary>Issues a key with <paramref name="scope"/> as whoever <paramref name="issuer"/> is; returns its id and the key.</summary>
    public static async Task<(long Id, string Key)> IssueAsync(HttpClient issuer, string scope, string name = "test-key")
    {
        ArgumentNullException.ThrowIfNull(issuer);
        using var response = await issuer.PostAsJsonAsync("/api/keys", new { name, scopes = new[] { scope } });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/keys answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((long)body["id"]!, (string)body["key"]!);
    }

    /// <summary>A client that sends <paramref name="key"/> as <c>Authorization: Bearer</c>.</summary>
    public static HttpClient WithKey(HttpClient client, string key)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
