using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace AgentTickets.Testing;

/// <summary>What every refusal on the HTTP edge must look like: RFC 9457 problem details, and nothing logged as an error.</summary>
public static class RefusalChecks
{
    public static void AssertProblem(RawHttp.Response response, int status)
    {
        Assert.True(response.Status == status, $"expected {status}, got {response.Status}: {response.Body}");
        Assert.StartsWith("application/problem+json", response.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(status, (int)JsonNode.Parse(response.Body)!["status"]!);
    }

    public static void AssertNothingLoggedAsAnError(LogCapture logs) =>
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning || e.Exception is not null);
}
