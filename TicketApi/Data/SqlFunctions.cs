namespace TicketApi.Data;

/// <summary>SQL functions registered by <see cref="SqliteConnectionSetup.RegisterCasefold"/> where a query needs them.</summary>
public static class SqlFunctions
{
    /// <summary>
    /// Unicode lower-casing. SQLite's own lower() and LIKE fold ASCII only, so "ÉCRAN" would not contain
    /// "écran"; this maps to the <c>casefold</c> function for such needles.
    /// </summary>
    public static string Casefold(string value) =>
        throw new InvalidOperationException("Casefold is translated to SQL and cannot be called directly.");

    internal static string? CasefoldImplementation(string? value) => value?.ToLowerInvariant();
}
