using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;

namespace AgentTickets.Testing;

/// <summary>One method of one mapped route, with what it asks of the caller (docs/accounts.md, "Who may do what").</summary>
/// <param name="Access">The <see cref="Access"/> policy it states; null for the fallback (anyone signed in) or an open route.</param>
/// <param name="Open">Marked to allow anonymous requests.</param>
public sealed record MappedRoute(string Method, string Pattern, Access? Access, bool Open)
{
    public bool ChangesState => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>Identity's account management (<c>/api/account/manage/...</c>): for the person's own sign-in, never for a key.</summary>
    public bool ManagesAccount => Pattern.StartsWith("/api/account/manage", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Every route a host maps, read from its <see cref="EndpointDataSource"/> rather than listed by hand, so a route
/// added later is in the scope matrix without anyone remembering to add it; and a way to call each one.
/// </summary>
public static partial class RouteMatrix
{
    /// <summary>Rating is the requester's alone: staff, whatever their key, are refused (docs/accounts.md, "Satisfaction").</summary>
    public static bool RequesterOnly(MappedRoute route) => route?.Pattern == "/api/tickets/{id}/rating/";

    public static IReadOnlyList<MappedRoute> Routes(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var routes = new List<MappedRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var access = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(data => Enum.GetValues<Access>().Cast<Access?>().FirstOrDefault(a => AccessPolicies.Name(a!.Value) == data.Policy))
                .LastOrDefault(a => a is not null);
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add(new MappedRoute(method, pattern, access, open));
            }
        }
        // Writes last, deletes after them, and revoking a key very last: a matrix that lets writes through must not
        // delete what later calls use, nor revoke the key it is calling with.
        return [.. routes.Distinct()
            .OrderBy(r => r.Method == "DELETE" && r.Pattern.StartsWith("/api/keys", StringComparison.Ordinal))
            .ThenBy(r => r.Method == "DELETE")
            .ThenBy(r => r.ChangesState)
            .ThenBy(r => r.Pattern, StringComparer.Ordinal)];
    }

    /// <summary>Calls <paramref name="route"/> with every route parameter set to <paramref name="id"/> and, for a write, an empty JSON object.</summary>
    public static async Task<HttpStatusCode> CallAsync(HttpClient client, MappedRoute route, long id)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(route);
        var path = Parameter().Replace(route.Pattern, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(path, UriKind.Relative));
        if (route.ChangesState)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    /// <summary>Calls every route and returns those whose answer <paramref name="wrong"/> rejects, as readable lines.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(HttpClient client, IEnumerable<MappedRoute> routes, long id, Func<MappedRoute, HttpStatusCode, bool> wrong)
    {
        ArgumentNullException.ThrowIfNull(wrong);
        var found = new List<string>();
        foreach (var route in routes)
        {
            var status = await CallAsync(client, route, id);
            if (wrong(route, status))
            {
                found.Add($"{route} (needs {route.Access?.ToString() ?? (route.Open ? "nothing" : "a sign-in")}) answered {(int)status}");
            }
        }
        return found;
    }

    /// <summary>Neither refused for want of credentials or reach, nor broken.</summary>
    public static bool LetThrough(HttpStatusCode status) =>
        status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
