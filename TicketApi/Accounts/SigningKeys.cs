using Microsoft.AspNetCore.DataProtection;
using TicketApi.Data;

namespace TicketApi.Accounts;

/// <summary>
/// Identity's bearer tokens and sign-in cookies, and the rating links in resolution emails, are protected by
/// ASP.NET Core Data Protection. Its key ring is kept with the data: in <c>DATA_PROTECTION_KEYS_PATH</c>, else in
/// a <c>keys</c> folder beside the SQLite database (<c>/data/keys</c> in the compose volume), else <c>data/keys</c>.
/// The framework's default, the home directory, is lost when a container is recreated, and with it every token
/// and every emailed link (docs/accounts.md, "Credentials").
/// </summary>
public static class SigningKeys
{
    public const string ApplicationName = "AgentTickets";

    public static string FolderFor(IConfiguration configuration, TicketDatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        return configuration["DATA_PROTECTION_KEYS_PATH"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(database.Folder ?? "data", "keys");
    }

    public static IServiceCollection AddSigningKeys(this IServiceCollection services, IConfiguration configuration, TicketDatabaseOptions database)
    {
        // The ring sits with the database it protects sign-ins to, behind the same file permissions; there is no
        // machine key store on Linux to wrap it with, so the framework's "no XML encryptor" warning says nothing here.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
        // One application name, so both hosts on one key ring read each other's tokens.
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(new DirectoryInfo(FolderFor(configuration, database)));
        return services;
    }
}
