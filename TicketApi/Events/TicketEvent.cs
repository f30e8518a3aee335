using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketApi.Data;

namespace TicketApi.Events;

/// <summary>
/// A row of <c>ticket_events</c> (<see cref="EventSchema"/>): one live event, with what deciding who may see it
/// needs (<see cref="RequesterEmail"/>, <see cref="StaffOnly"/>), kept until the pruner drops it.
/// </summary>
public sealed class TicketEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string Type { get; set; } = "";
    public long TicketId { get; set; }

    /// <summary>What changed, as the frame's JSON without the id, type, time and ticket (<see cref="EventData"/>).</summary>
    public string Data { get; set; } = "{}";
    public bool Urgent { get; set; }
    public string? RequesterEmail { get; set; }

    /// <summary>Notes and drafts: agents and admins only.</summary>
    public bool StaffOnly { get; set; }
}

/// <summary>EF's mapping of <see cref="TicketEvent"/>, applied by <see cref="TicketDbContext"/> so an event joins the writer's unit of work.</summary>
public sealed class TicketEventModel(bool sqlite) : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ticket_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedOnAdd();
        var at = builder.Property(e => e.At).HasColumnName("at");
        builder.Property(e => e.Type).HasColumnName("type");
        builder.Property(e => e.TicketId).HasColumnName("ticket_id");
        builder.Property(e => e.Data).HasColumnName("data");
        builder.Property(e => e.Urgent).HasColumnName("urgent");
        builder.Property(e => e.RequesterEmail).HasColumnName("requester_email");
        builder.Property(e => e.StaffOnly).HasColumnName("staff_only");
        if (sqlite)
        {
            at.HasConversion(new ValueConverter<DateTime, long>(v => StoredValues.ToMicroseconds(v), v => StoredValues.FromMicroseconds(v)));
        }
    }
}
