using System.Net;

namespace AgentHost.Tests.Support;

/// <summary>
/// Fails every <paramref name="every"/>-th call before it reaches the service, alternating between a refused
/// connection and a 503, so a retrying client has to recover from both.
/// </summary>
public sealed class FlakyHandler(int every = 4) : DelegatingHandler
{
    private int _calls;

    public int Calls => _calls;

    public int Failures { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _calls);
        if (n % every != 0)
        {
            return base.SendAsync(request, cancellationToken);
        }

        Failures++;
        return (n / every) % 2 == 1
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "simulated: connection refused")
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request });
    }
}
