using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace AgentTickets.Testing;

/// <summary>
/// Holds a server to its own OpenAPI document: put <see cref="Recorder"/> under an HttpClient, send real
/// requests, then <see cref="Problems"/> lists every response whose status the document does not list for
/// that operation, whose media type it does not list for that status, or whose JSON body breaks the
/// documented schema; and <see cref="Covered"/> tells which (operation, status) pairs were seen.
/// HEAD is checked as its GET (same status), with no body expected.
/// </summary>
public sealed class OpenApiConformance(JsonNode document)
{
    private readonly JsonSchemaCheck _schemas = new(document);
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, byte> _covered = new();

    public JsonNode Document => document;

    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>"METHOD /template STATUS" for every documented operation and status, e.g. "patch /api/tickets/{id} 409".</summary>
    public IEnumerable<string> Documented() =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        from status in operation.Value!["responses"]!.AsObject()
        select $"{operation.Key} {path.Key} {status.Key}";

    public IReadOnlySet<string> Covered => _covered.Keys.ToHashSet();

    public DelegatingHandler Recorder(HttpMessageHandler inner) => new RecordingHandler(this) { InnerHandler = inner };

    private async Task CheckAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var method = request.Method == HttpMethod.Head ? "get" : request.Method.Method.ToLowerInvariant();
        var path = request.RequestUri!.AbsolutePath;
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var what = $"{request.Method} {request.RequestUri.PathAndQuery} -> {status}";
        if (FindOperation(path, method) is not ({ } template, { } operation))
        {
            _problems.Enqueue($"{what}: the document has no {method} operation for this path");
            return;
        }
        _covered.TryAdd($"{method} {template} {status}", 0);
        var responses = operation["responses"]!.AsObject();
        var documented = responses[status] ?? responses[$"{status[0]}XX"] ?? responses["default"];
        if (documented is null)
        {
            _problems.Enqueue($"{what}: status {status} is not documented for {method} {template} (documented: {string.Join(", ", responses.Select(r => r.Key))})");
            return;
        }
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0 || request.Method == HttpMethod.Head)
        {
            return;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (documented["content"]?[mediaType] is not { } media)
        {
            _problems.Enqueue($"{what}: {mediaType} is not a documented content type for status {status}");
            return;
        }
        if (media["schema"] is { } schema && mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            foreach (var error in _schemas.Validate(JsonNode.Parse(body), schema))
            {
                _problems.Enqueue($"{what}: {error}");
            }
        }
    }

    /// <summary>The documented path template that matches (trailing slashes aside) and its operation.</summary>
    private (string, JsonNode)? FindOperation(string path, string method)
    {
        var segments = path.Trim('/').Split('/');
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var parts = template.Trim('/').Split('/');
            if (parts.Length == segments.Length &&
                parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second) &&
                item?[method] is { } operation)
            {
                return (template, operation);
            }
        }
        return null;
    }

    private sealed class RecordingHandler(OpenApiConformance conformance) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            await conformance.CheckAsync(request, response);
            return response;
        }
    }
}

/// <summary>Small request builders for conformance scenarios.</summary>
public static class ConformanceRequests
{
    public static HttpRequestMessage Json(HttpMethod method, string url, string json, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public static HttpRequestMessage Bare(HttpMethod method, string url, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }
}
