using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketApi.Data;

namespace TicketApi.Channels.Freshdesk;

/// <summary>A row of <c>freshdesk_replies</c>: an approved reply waiting to be posted back to Freshdesk, or posted.</summary>
public sealed class FreshdeskReply
{
    public long Id { get; set; }
    public long TicketId { get; set; }

    /// <summary>The HTML posted, our <see cref="Marker"/> included, fixed when staged so every attempt posts the same body.</summary>
    public string Body { get; set; } = "";

    /// <summary>What the idempotency check looks for in the ticket's conversations before posting again.</summary>
    public string Marker { get; set; } = "";
    public string Status { get; set; } = FreshdeskReplyStatuses.Queued;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public long? ConversationId { get; set; }
    public DateTime Created { get; set; }
    public DateTime? SentAt { get; set; }
}

public static class FreshdeskReplyStatuses
{
    public const string Queued = "QUEUED";
    public const string Sent = "SENT";

    /// <summary>The ticket has no Freshdesk link (deleted, or never mirrored): nothing to post to.</summary>
    public const string Failed = "FAILED";
}

/// <summary>EF's mapping of <see cref="FreshdeskReply"/>, so the approval stages it in its own unit of work.</summary>
public sealed class FreshdeskReplyModel(bool sqlite) : IEntityTypeConfiguration<FreshdeskReply>
{
    public void Configure(EntityTypeBuilder<FreshdeskReply> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("freshdesk_replies");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id");
        builder.Property(r => r.TicketId).HasColumnName("ticket_id");
        builder.Property(r => r.Body).HasColumnName("body");
        builder.Property(r => r.Marker).HasColumnName("marker");
        builder.Property(r => r.Status).HasColumnName("status");
        builder.Property(r => r.Attempts).HasColumnName("attempts");
        builder.Property(r => r.LastError).HasColumnName("last_error");
        builder.Property(r => r.ConversationId).HasColumnName("conversation_id");
        var created = builder.Property(r => r.Created).HasColumnName("created");
        var sent = builder.Property(r => r.SentAt).HasColumnName("sent_at");
        if (sqlite)
        {
            created.HasConversion(new ValueConverter<DateTime, long>(v => StoredValues.ToMicroseconds(v), v => StoredValues.FromMicroseconds(v)));
            sent.HasConversion(new ValueConverter<DateTime?, long?>(
                v => v == null ? null : StoredValues.ToMicroseconds(v.Value), v => v == null ? null : StoredValues.FromMicroseconds(v.Value)));
        }
    }
}
