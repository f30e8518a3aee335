using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketApi.Data;

namespace TicketApi.Audit;

/// <summary>A row of <c>audit_log</c> (<see cref="AuditSchema"/>): who changed which ticket, how, through what.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string? KeyId { get; set; }
    public string Channel { get; set; } = "";
    public string? Tool { get; set; }
    public long TicketId { get; set; }
    public string Action { get; set; } = "";

    /// <summary>The <see cref="FieldChange"/>s as JSON text (<see cref="AuditJson"/>).</summary>
    public string Changes { get; set; } = "[]";

    public AuditEntryDto ToDto() => new(Id, At, new AuditActorDto(ActorId, ActorName, KeyId), Channel, Tool, TicketId, Action,
        AuditJson.ReadChanges(Changes));
}

/// <summary>EF's mapping of <see cref="AuditEntry"/>, applied by <see cref="TicketDbContext"/> so a row joins the writer's unit of work.</summary>
public sealed class AuditEntryModel(bool sqlite) : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id");
        var at = builder.Property(e => e.At).HasColumnName("at");
        builder.Property(e => e.ActorId).HasColumnName("actor_id");
        builder.Property(e => e.ActorName).HasColumnName("actor_name");
        builder.Property(e => e.KeyId).HasColumnName("key_id");
        builder.Property(e => e.Channel).HasColumnName("channel");
        builder.Property(e => e.Tool).HasColumnName("tool");
        builder.Property(e => e.TicketId).HasColumnName("ticket_id");
        builder.Property(e => e.Action).HasColumnName("action");
        builder.Property(e => e.Changes).HasColumnName("changes");
        if (sqlite)
        {
            at.HasConversion(new ValueConverter<DateTime, long>(v => StoredValues.ToMicroseconds(v), v => StoredValues.FromMicroseconds(v)));
        }
    }
}
