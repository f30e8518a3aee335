using System.Text.Json;

namespace Deployment.Tests.Durability;

/// <summary>One ticket as the restarted service lists it.</summary>
internal sealed record StoredTicket(long Id, string Title, string Status);

/// <summary>Reads back what a ticket service holds, through its public REST API only (docs/rest-api.md).</summary>
internal sealed class TicketApiReader(HttpClient http)
{
    /// <summary>Every ticket, page by page in id order.</summary>
    public async Task<Dictionary<long, StoredTicket>> ReadAllAsync()
    {
        var tickets = new Dictionary<long, StoredTicket>();
        for (var page = 1; ; page++)
        {
            var body = await GetAsync($"/api/tickets/?ordering=id&page_size=100&page={page}");
            foreach (var ticket in body.GetProperty("results").EnumerateArray())
            {
                var stored = new StoredTicket(
                    ticket.GetProperty("id").GetInt64(), ticket.GetProperty("title").GetString()!, ticket.GetProperty("resolution_status").GetString()!);
                tickets.Add(stored.Id, stored);
            }

            if (body.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                Assert.Equal(body.GetProperty("count").GetInt32(), tickets.Count);
                return tickets;
            }
        }
    }

    /// <summary>The ids a full-text search for <paramref name="words"/> finds (first 100).</summary>
    public async Task<(int Count, IReadOnlyList<long> Ids)> SearchAsync(string words)
    {
        var body = await GetAsync($"/api/tickets/?search={Uri.EscapeDataString(words)}&page_size=100");
        var ids = body.GetProperty("results").EnumerateArray().Select(ticket => ticket.GetProperty("id").GetInt64()).ToList();
        return (body.GetProperty("count").GetInt32(), ids);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
