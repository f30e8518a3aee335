using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace TicketApi.Accounts;

/// <summary>
/// ASP.NET Core Identity's tables, in the tickets database (both stores). Like the ticket tables they are created
/// by the schema migrators (<see cref="AccountSchema"/>), never by EF; the three roles are rows from the start.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<IdentityUser>(options);
