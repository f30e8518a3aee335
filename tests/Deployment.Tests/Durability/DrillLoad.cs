using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Deployment.Tests.Durability;

/// <summary>
/// Concurrent writers against a running ticket service, each taking its own tickets through the whole
/// lifecycle (create, RESOLVED, OPEN, RESOLVED, CLOSED) and writing every acknowledged answer to the
/// ledger. A worker stops at the first request that gets no answer: that is the kill.
/// </summary>
internal sealed class DrillLoad
{
    /// <summary>Every title holds this word too, so a search for it must count every ticket.</summary>
    public const string MarkerWord = "killdrillmarker";

    private static readonly string[] Lifecycle = ["RESOLVED", "OPEN", "RESOLVED", "CLOSED"];

    private readonly HttpClient _http;
    private readonly WriteLedger _ledger;
    private int _cutOff;

    public DrillLoad(HttpClient http, WriteLedger ledger)
    {
        _http = http;
        _ledger = ledger;
    }

    /// <summary>Writes whose request was sent but whose answer never came (cut off by the kill).</summary>
    public int CutOff => Volatile.Read(ref _cutOff);

    /// <summary>Runs <paramref name="workers"/> writers until each one's service connection dies.</summary>
    public Task RunAsync(int workers, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(cancellationToken), cancellationToken)));

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var word = _ledger.NewWord();
            var created = await SendAsync(
                HttpMethod.Post, "/api/tickets/", new { title = $"Kill drill {word} {MarkerWord}", description = $"Ticket {word} written under load." }, HttpStatusCode.Created, cancellationToken);
            if (created is null)
            {
                return;
            }

            var id = created.Value.GetProperty("id").GetInt64();
            _ledger.Created(id, word);
            foreach (var status in Lifecycle)
            {
                _ledger.Sending(id, status);
                var changed = await SendAsync(HttpMethod.Patch, $"/api/tickets/{id}/", new { resolution_status = status }, HttpStatusCode.OK, cancellationToken);
                if (changed is null)
                {
                    return;
                }

                Assert.Equal(status, changed.Value.GetProperty("resolution_status").GetString());
                _ledger.Acknowledged(id, status);
            }
        }
    }

    /// <summary>The answer's body, or null when the service died before answering.</summary>
    private async Task<JsonElement?> SendAsync(HttpMethod method, string path, object body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            // Anything but the expected answer is a bug of the service, not an effect of the kill.
            Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            Interlocked.Increment(ref _cutOff);
            return null;
        }
    }
}
