using TicketApi.Data;

namespace TicketApi.Tests.Infrastructure;

/// <summary>
/// A store the contract tests run on: hands out a fresh, empty database per test and removes it
/// afterwards. The contract classes are abstract over it and have one concrete class per store.
/// </summary>
public abstract class TicketStoreFixture
{
    public abstract TicketStoreKind Kind { get; }

    /// <summary>A connection string for a new database holding no tickets.</summary>
    public abstract string CreateDatabase();

    public abstract void DropDatabase(string connectionString);
}
