using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketApi.Data;

namespace TicketApi.Drafts.Storage;

/// <summary>
/// A row of <c>ticket_drafts</c>: one version of a ticket's draft (docs/drafts.md, "Storage"). Versions are
/// never rewritten, only their status moves (DRAFT to SENT or DISCARDED); follow-up questions and sources are
/// JSON text on both stores.
/// </summary>
public sealed class DraftEntity
{
    public long TicketId { get; set; }
    public long Version { get; set; }
    public string Status { get; set; } = DraftStatuses.Draft;
    public string Reply { get; set; } = "";
    public string TechInstructions { get; set; } = "";
    public string SolutionStatus { get; set; } = SolutionStatuses.NeedsFollowUp;
    public string FollowUpQuestions { get; set; } = "[]";
    public string Sources { get; set; } = "[]";
    public string? Instruction { get; set; }
    public string GeneratedBy { get; set; } = "";
    public bool Edited { get; set; }
    public string? Remark { get; set; }
    public DateTime Created { get; set; }
    public DateTime Updated { get; set; }

    public DraftDto ToDto() => new(TicketId, Version, Status, Reply, TechInstructions, SolutionStatus,
        Questions, SourceList, Instruction, GeneratedBy, Edited, Remark, Created, Updated);

    /// <summary>What a writer is handed back to refine: the stored version's content.</summary>
    public DraftContent ToContent() => new(Reply, TechInstructions, SolutionStatus, Questions, SourceList, GeneratedBy, Remark);

    /// <summary>A new row holding <paramref name="content"/>; the caller sets ticket, version and times.</summary>
    public static DraftEntity From(DraftContent content, string? instruction, bool edited)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new DraftEntity
        {
            Reply = content.Reply,
            TechInstructions = content.TechInstructions,
            SolutionStatus = content.SolutionStatus,
            FollowUpQuestions = JsonSerializer.Serialize(content.FollowUpQuestions, DraftJsonContext.Default.IReadOnlyListString),
            Sources = JsonSerializer.Serialize(content.Sources, DraftJsonContext.Default.IReadOnlyListDraftSource),
            Instruction = instruction,
            GeneratedBy = content.GeneratedBy,
            Edited = edited,
            Remark = content.Remark,
        };
    }

    private IReadOnlyList<string> Questions =>
        JsonSerializer.Deserialize(FollowUpQuestions, DraftJsonContext.Default.IReadOnlyListString) ?? [];

    private IReadOnlyList<DraftSource> SourceList =>
        JsonSerializer.Deserialize(Sources, DraftJsonContext.Default.IReadOnlyListDraftSource) ?? [];
}

/// <summary>The EF mapping of <see cref="DraftEntity"/> onto the table <see cref="DraftSchema"/> creates.</summary>
public sealed class DraftEntityConfiguration(bool sqlite) : IEntityTypeConfiguration<DraftEntity>
{
    public void Configure(EntityTypeBuilder<DraftEntity> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var draft = builder;
        draft.ToTable("ticket_drafts");
        draft.HasKey(d => new { d.TicketId, d.Version });
        draft.Property(d => d.TicketId).HasColumnName("ticket_id");
        draft.Property(d => d.Version).HasColumnName("version").ValueGeneratedNever();
        draft.Property(d => d.Status).HasColumnName("status");
        draft.Property(d => d.Reply).HasColumnName("reply");
        draft.Property(d => d.TechInstructions).HasColumnName("tech_instructions");
        draft.Property(d => d.SolutionStatus).HasColumnName("solution_status");
        draft.Property(d => d.FollowUpQuestions).HasColumnName("follow_up_questions");
        draft.Property(d => d.Sources).HasColumnName("sources");
        draft.Property(d => d.Instruction).HasColumnName("instruction");
        draft.Property(d => d.GeneratedBy).HasColumnName("generated_by");
        draft.Property(d => d.Edited).HasColumnName("edited");
        draft.Property(d => d.Remark).HasColumnName("remark");
        var created = draft.Property(d => d.Created).HasColumnName("created");
        var updated = draft.Property(d => d.Updated).HasColumnName("updated");
        if (sqlite)
        {
            // Microseconds since the Unix epoch, as every SQLite timestamp here (TicketDbContext).
            var utc = new ValueConverter<DateTime, long>(v => StoredValues.ToMicroseconds(v), v => StoredValues.FromMicroseconds(v));
            created.HasConversion(utc);
            updated.HasConversion(utc);
        }
    }
}
