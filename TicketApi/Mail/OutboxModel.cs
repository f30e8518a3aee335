using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketApi.Data;

namespace TicketApi.Mail;

/// <summary>
/// EF's mapping of <see cref="OutboxMail"/> onto <see cref="OutboxSchema"/>, applied by <see cref="TicketDbContext"/>
/// so a staged mail joins the caller's unit of work. On SQLite timestamps are microseconds, as for tickets.
/// </summary>
public sealed class OutboxModel(bool sqlite) : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var mail = builder;
        mail.ToTable("outbox");
        mail.HasKey(m => m.Id);
        mail.Property(m => m.Id).HasColumnName("id");
        mail.Property(m => m.TicketId).HasColumnName("ticket_id");
        mail.Property(m => m.Kind).HasColumnName("kind");
        mail.Property(m => m.ToAddress).HasColumnName("to_address");
        mail.Property(m => m.ToName).HasColumnName("to_name");
        mail.Property(m => m.Subject).HasColumnName("subject");
        mail.Property(m => m.Body).HasColumnName("body");
        mail.Property(m => m.MessageId).HasColumnName("message_id");
        mail.Property(m => m.InReplyTo).HasColumnName("in_reply_to");
        mail.Property(m => m.Status).HasColumnName("status");
        mail.Property(m => m.Attempts).HasColumnName("attempts");
        var next = mail.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
        mail.Property(m => m.LastError).HasColumnName("last_error");
        mail.Property(m => m.ClaimToken).HasColumnName("claim_token");
        var lease = mail.Property(m => m.LeaseUntil).HasColumnName("lease_until");
        var created = mail.Property(m => m.Created).HasColumnName("created");
        var sent = mail.Property(m => m.SentAt).HasColumnName("sent_at");
        if (sqlite)
        {
            var utc = new ValueConverter<DateTime, long>(v => StoredValues.ToMicroseconds(v), v => StoredValues.FromMicroseconds(v));
            var optionalUtc = new ValueConverter<DateTime?, long?>(
                v => v == null ? null : StoredValues.ToMicroseconds(v.Value), v => v == null ? null : StoredValues.FromMicroseconds(v.Value));
            next.HasConversion(utc);
            created.HasConversion(utc);
            lease.HasConversion(optionalUtc);
            sent.HasConversion(optionalUtc);
        }
    }
}
