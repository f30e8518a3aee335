using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TicketApi.Accounts;

/// <summary>Whether credentials are needed (docs/accounts.md, "Modes").</summary>
public enum AuthMode
{
    /// <summary>Loopback only: a request without credentials acts as the built-in local admin.</summary>
    Local,

    /// <summary>Every route but health, login and registration answers 401 without credentials.</summary>
    Required,
}

/// <summary>Account settings from configuration: <c>AUTH_MODE</c>, <c>AUTH_ALLOW_REGISTRATION</c>, <c>ADMIN_EMAIL</c>, <c>ADMIN_PASSWORD</c>.</summary>
public sealed class AccountSettings
{
    /// <summary><c>AUTH_MODE</c>; null when unset, which means local on loopback and required beyond it.</summary>
    public AuthMode? Mode { get; set; }

    public bool AllowRegistration { get; set; } = true;

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public static AccountSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mode = configuration["AUTH_MODE"]?.Trim().ToLowerInvariant() switch
        {
            null or "" => (AuthMode?)null,
            "local" => AuthMode.Local,
            "required" => AuthMode.Required,
            var other => throw new InvalidOperationException($"AUTH_MODE '{other}' is neither 'local' nor 'required'."),
        };
        var registration = configuration["AUTH_ALLOW_REGISTRATION"];
        return new AccountSettings
        {
            Mode = mode,
            AllowRegistration = string.IsNullOrWhiteSpace(registration) || !bool.TryParse(registration, out var allowed) || allowed,
            AdminEmail = Blank(configuration["ADMIN_EMAIL"]),
            AdminPassword = Blank(configuration["ADMIN_PASSWORD"]),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// Decides the mode once the server knows where it listens: required when <c>AUTH_MODE=required</c>, and always
/// when any address is beyond loopback (a container's 0.0.0.0, a LAN address), so a setup that can be reached
/// from elsewhere is never open, whatever AUTH_MODE says. The in-memory test server listens nowhere: local.
/// </summary>
public sealed class AuthModeResolver(IServer server, AccountSettings settings)
{
    private AuthMode? decided;

    public AuthMode Mode => decided ??= Decide();

    /// <summary>True when <c>AUTH_MODE=local</c> was asked for but an address beyond loopback overrules it.</summary>
    public bool LocalRefused => settings.Mode == AuthMode.Local && Mode == AuthMode.Required;

    public IReadOnlyCollection<string> Addresses =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses is { } addresses ? [.. addresses] : [];

    private AuthMode Decide() =>
        settings.Mode == AuthMode.Required || Addresses.Any(address => !IsLoopback(address)) ? AuthMode.Required : AuthMode.Local;

    /// <summary>Kestrel's address forms: <c>http://127.0.0.1:8100</c>, <c>http://[::1]:80</c>, <c>http://localhost:5000</c>, <c>http://0.0.0.0:80</c>, <c>http://*:80</c>, <c>http://+:80</c>.</summary>
    public static bool IsLoopback(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var start = address.IndexOf("://", StringComparison.Ordinal);
        var host = start < 0 ? address : address[(start + 3)..];
        host = host.Split('/')[0];
        if (host.StartsWith('['))
        {
            host = host[1..host.IndexOf(']', StringComparison.Ordinal)];
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
