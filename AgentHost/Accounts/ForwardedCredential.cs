namespace AgentHost.Accounts;

/// <summary>
/// The <c>Authorization</c> header of the request being served, for the ticket service's HTTP client to pass on
/// (docs/accounts.md, "Remote mode"): with <c>TICKET_API_URL</c> the agent host keeps no accounts, so the ticket
/// service decides what the person may do. Ambient like <c>ActingContext</c>, because the tools run deep in the chat
/// and MCP pipelines, in the request's asynchronous flow; an MCP session acts with the credential of the request
/// that carries each message into it.
/// </summary>
public static class ForwardedCredential
{
    private static readonly AsyncLocal<string?> CurrentValue = new();

    public static string? Current => CurrentValue.Value;

    /// <summary>Sets the credential for the rest of the request, in the middleware that serves it.</summary>
    public static void Set(string? authorization) => CurrentValue.Value = string.IsNullOrWhiteSpace(authorization) ? null : authorization;
}

/// <summary>Adds the forwarded credential to each call of the ticket service that does not carry one already.</summary>
public sealed class ForwardCredentialHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization is null && ForwardedCredential.Current is { } credential)
        {
            request.Headers.TryAddWithoutValidation("Authorization", credential);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
