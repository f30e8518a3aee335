using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TicketApi.Contracts;

namespace AgentHost.Tickets;

/// <summary>
/// A ticket-service refusal (404, 409, 400/422, 412) or an exhausted retry, phrased so a model or a person
/// can act on it. Never thrown: tools hand it back as a readable result. Built from an HTTP answer
/// (<see cref="TicketApiClient"/>) or from the in-process service's problem details, with the same words.
/// </summary>
public sealed record TicketProblem(
    int Status,
    string Message,
    IReadOnlyList<TicketStatus>? AllowedTransitions = null)
{
    internal static async Task<TicketProblem> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        string? detail = null, title = null;
        List<TicketStatus>? allowed = null;
        var fieldErrors = new List<string>();

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    detail = StringOrNull(root, "detail");
                    title = StringOrNull(root, "title");
                    allowed = ReadAllowed(root);
                    if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var field in errors.EnumerateObject())
                        {
                            var messages = field.Value.ValueKind == JsonValueKind.Array
                                ? field.Value.EnumerateArray().Select(m => m.ToString())
                                : [field.Value.ToString()];
                            fieldErrors.Add($"{field.Name}: {string.Join(" ", messages)}");
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not problem details (a proxy's HTML page, say): fall back to the status text below.
            }
        }

        return Compose(status, detail ?? title ?? $"The ticket service answered {status} {response.ReasonPhrase}.", fieldErrors, allowed);
    }

    /// <summary>The same problem from the in-process service's problem details (the REST face's very words).</summary>
    internal static TicketProblem From(ProblemDetails problem)
    {
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        var fieldErrors = problem is HttpValidationProblemDetails validation
            ? validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}").ToList()
            : [];
        var allowed = problem.Extensions.TryGetValue("allowed_transitions", out var value) && value is IEnumerable<string> names
            ? names.Select(TicketStatuses.FromWire).ToList()
            : null;
        return Compose(status, problem.Detail ?? problem.Title ?? $"The ticket service answered {status}.", fieldErrors, allowed);
    }

    private static TicketProblem Compose(int status, string message, List<string> fieldErrors, List<TicketStatus>? allowed)
    {
        if (fieldErrors.Count > 0)
        {
            message = $"{message.TrimEnd('.')}. {string.Join(" ", fieldErrors)}";
        }

        if (status == (int)HttpStatusCode.Conflict && allowed is not null
            && !message.Contains("allowed", StringComparison.OrdinalIgnoreCase))
        {
            message = $"{message.TrimEnd('.')}. Allowed transitions: {Describe(allowed)}.";
        }

        return new TicketProblem(status, message, allowed);
    }

    /// <summary>"RESOLVED, CLOSED" or "none (the status is final)".</summary>
    public static string Describe(IReadOnlyList<TicketStatus> statuses) =>
        statuses.Count == 0 ? "none (the status is final)" : string.Join(", ", statuses.Select(TicketStatuses.ToWire));

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<TicketStatus>? ReadAllowed(JsonElement root)
    {
        // The service puts the targets at the top level (RFC 9457 extension member); accept a nested
        // "extensions" object too so a serializer change does not lose them.
        if (!root.TryGetProperty("allowed_transitions", out var element)
            && !(root.TryGetProperty("extensions", out var ext) && ext.ValueKind == JsonValueKind.Object
                 && ext.TryGetProperty("allowed_transitions", out element)))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var result = new List<TicketStatus>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && TicketStatuses.TryParse(item.GetString(), out var status))
            {
                result.Add(status);
            }
        }

        return result;
    }
}
