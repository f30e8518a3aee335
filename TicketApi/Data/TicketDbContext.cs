using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketApi.Contracts;
using TicketApi.Conversations;
using TicketApi.Mail;

namespace TicketApi.Data;

/// <summary>
/// EF Core mapping onto the schema that <see cref="SqliteSchemaMigrator"/> or <see cref="PostgresSchemaMigrator"/>
/// creates (EF does not create or migrate it: docs/storage.md, "Schema versions").
/// </summary>
public sealed class TicketDbContext(DbContextOptions<TicketDbContext> options) : DbContext(options)
{
    public DbSet<TicketEntity> Tickets => Set<TicketEntity>();

    public DbSet<TicketMessageEntity> Messages => Set<TicketMessageEntity>();

    /// <summary>Mail waiting for delivery, staged in the same unit of work as its cause (docs/mail.md).</summary>
    public DbSet<OutboxMail> Outbox => Set<OutboxMail>();
    public DbSet<Drafts.Storage.DraftEntity> Drafts => Set<Drafts.Storage.DraftEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var status = new ValueConverter<TicketStatus, string>(v => TicketStatuses.ToWire(v), v => TicketStatuses.FromWire(v));

        modelBuilder.Entity<TicketEntity>(ticket =>
        {
            ticket.ToTable("tickets");
            ticket.HasKey(t => t.Id);
            ticket.Property(t => t.Id).HasColumnName("id");
            ticket.Property(t => t.Title).HasColumnName("title");
            ticket.Property(t => t.Description).HasColumnName("description");
            var created = ticket.Property(t => t.Created).HasColumnName("created");
            var updated = ticket.Property(t => t.Updated).HasColumnName("updated");
            ticket.Property(t => t.ResolutionStatus).HasColumnName("resolution_status").HasConversion(status);
            ticket.Property(t => t.Version).HasColumnName("version").IsConcurrencyToken();
            ticket.Property(t => t.Priority).HasColumnName("priority");
            ticket.Property(t => t.Category).HasColumnName("category");
            ticket.Property(t => t.Sentiment).HasColumnName("sentiment").IsRequired();
            ticket.Property(t => t.RequesterName).HasColumnName("requester_name");
            ticket.Property(t => t.RequesterEmail).HasColumnName("requester_email");
            ticket.Property(t => t.Triage).HasColumnName("triage");
            var firstResponse = ticket.Property(t => t.FirstResponseAt).HasColumnName("first_response_at");
            var resolved = ticket.Property(t => t.ResolvedAt).HasColumnName("resolved_at");
            var closed = ticket.Property(t => t.ClosedAt).HasColumnName("closed_at");
            ticket.Property(t => t.FiledBy).HasColumnName("filed_by");
            ticket.Property(t => t.AssigneeId).HasColumnName("assignee_id");
            ticket.Property(t => t.AssigneeName).HasColumnName("assignee_name");
            ticket.Property(t => t.RatingScore).HasColumnName("rating_score");
            ticket.Property(t => t.RatingComment).HasColumnName("rating_comment");
            ticket.Property(t => t.Channel).HasColumnName("channel");
            var rated = ticket.Property(t => t.RatedAt).HasColumnName("rated_at");
            ticket.Ignore(t => t.TriageRecord);
            ticket.Ignore(t => t.Assignee);
            ticket.Ignore(t => t.Rating);

            // On SQLite timestamps are stored as microseconds since the Unix epoch (UTC): integers compare
            // and order natively, read back as UTC (the API promises a 'Z'), and cost nothing to parse. As
            // text, the date parsing alone took most of a list page's time. PostgreSQL has timestamptz,
            // with the same microsecond precision, which Npgsql maps to UTC DateTimes as they are.
            if (Database.IsSqlite())
            {
                var utc = new ValueConverter<DateTime, long>(v => StoredValues.ToMicroseconds(v), v => StoredValues.FromMicroseconds(v));
                created.HasConversion(utc);
                updated.HasConversion(utc);
                var optionalUtc = new ValueConverter<DateTime?, long?>(
                    v => v == null ? null : StoredValues.ToMicroseconds(v.Value), v => v == null ? null : StoredValues.FromMicroseconds(v.Value));
                firstResponse.HasConversion(optionalUtc);
                resolved.HasConversion(optionalUtc);
                closed.HasConversion(optionalUtc);
                rated.HasConversion(optionalUtc);
            }
        });

        modelBuilder.Entity<TicketMessageEntity>(message =>
        {
            message.ToTable("ticket_messages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).HasColumnName("id");
            message.Property(m => m.TicketId).HasColumnName("ticket_id");
            message.Property(m => m.Kind).HasColumnName("kind");
            message.Property(m => m.Author).HasColumnName("author");
            message.Property(m => m.Body).HasColumnName("body");
            var created = message.Property(m => m.Created).HasColumnName("created");
            message.Property(m => m.Channel).HasColumnName("channel");
            if (Database.IsSqlite())
            {
                created.HasConversion(new ValueConverter<DateTime, long>(v => StoredValues.ToMicroseconds(v), v => StoredValues.FromMicroseconds(v)));
            }
        });

        modelBuilder.ApplyConfiguration(new OutboxModel(Database.IsSqlite()));
        modelBuilder.ApplyConfiguration(new Drafts.Storage.DraftEntityConfiguration(Database.IsSqlite()));
        modelBuilder.ApplyConfiguration(new Audit.AuditEntryModel(Database.IsSqlite()));
        modelBuilder.ApplyConfiguration(new Events.TicketEventModel(Database.IsSqlite()));
        modelBuilder.ApplyConfiguration(new Channels.Mail.MailImportModel(Database.IsSqlite()));
        modelBuilder.ApplyConfiguration(new Channels.Freshdesk.FreshdeskReplyModel(Database.IsSqlite()));
    }
}
