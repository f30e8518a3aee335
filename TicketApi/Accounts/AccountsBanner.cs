namespace TicketApi.Accounts;

/// <summary>
/// One log line once the server listens, saying which mode it runs in and what that means (docs/accounts.md,
/// "Modes"); a warning instead when <c>AUTH_MODE=local</c> was overruled by an address beyond loopback.
/// </summary>
public static partial class AccountsBanner
{
    public const string LocalAdvice =
        "every request without credentials acts as the local admin; listen beyond loopback or set AUTH_MODE=required to require sign-in";

    /// <summary>Logs the banner when <paramref name="app"/>'s server has started.</summary>
    public static void LogWhenStarted(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ApplicationServices;
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            Log(services.GetRequiredService<AuthModeResolver>(), services.GetRequiredService<ILoggerFactory>().CreateLogger("TicketApi.Accounts")));
    }

    public static void Log(AuthModeResolver resolver, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var addresses = resolver.Addresses.Count == 0 ? "no network address" : string.Join(", ", resolver.Addresses);
        if (resolver.LocalRefused)
        {
            LocalOverruled(logger, addresses);
        }
        else if (resolver.Mode == AuthMode.Local)
        {
            Local(logger, addresses, LocalAdvice);
        }
        else
        {
            Required(logger, addresses);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accounts: local mode on {Addresses}: {Advice}.")]
    private static partial void Local(ILogger logger, string addresses, string advice);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Accounts: required mode on {Addresses}: every route but /health and sign-in answers 401 without credentials.")]
    private static partial void Required(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Accounts: AUTH_MODE=local overruled, required mode: the host listens beyond loopback ({Addresses}), where a desk without sign-in would be open to anyone who can reach it. Listen on 127.0.0.1 to work without credentials.")]
    private static partial void LocalOverruled(ILogger logger, string addresses);
}
