using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>EF Core mapping onto the schema that <see cref="SchemaMigrator"/> creates.</summary>
public sealed class TicketDbContext(DbContextOptions<TicketDbContext> options) : DbContext(options)
{
    public DbSet<TicketEntity> Tickets => Set<TicketEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Timestamps are stored as microseconds since the Unix epoch (UTC): integers compare and order
        // natively, read back as UTC (the API promises a 'Z'), and cost nothing to parse. As text, the
        // date parsing alone took most of a list page's time.
        var utc = new ValueConverter<DateTime, long>(v => StoredValues.ToMicroseconds(v), v => StoredValues.FromMicroseconds(v));
        var status = new ValueConverter<TicketStatus, string>(v => TicketStatuses.ToWire(v), v => TicketStatuses.FromWire(v));

        modelBuilder.Entity<TicketEntity>(ticket =>
        {
            ticket.ToTable("tickets");
            ticket.HasKey(t => t.Id);
            ticket.Property(t => t.Id).HasColumnName("id");
            ticket.Property(t => t.Title).HasColumnName("title");
            ticket.Property(t => t.Description).HasColumnName("description");
            ticket.Property(t => t.Created).HasColumnName("created").HasConversion(utc);
            ticket.Property(t => t.Updated).HasColumnName("updated").HasConversion(utc);
            ticket.Property(t => t.ResolutionStatus).HasColumnName("resolution_status").HasConversion(status);
            ticket.Property(t => t.Version).HasColumnName("version").IsConcurrencyToken();
        });
    }
}
