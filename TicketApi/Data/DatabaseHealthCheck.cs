using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketApi.Data;

/// <summary>Healthy when the database answers a query against the tickets table.</summary>
public sealed class DatabaseHealthCheck(TicketDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Tickets.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("Ticket database reachable.");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Ticket database unreachable.", ex);
        }
    }
}
