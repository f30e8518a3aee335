using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using TicketApi.Contracts;

namespace TicketApi.Drafts;

/// <summary>Where a stored draft version stands (docs/drafts.md, "Drafts over REST").</summary>
public static class DraftStatuses
{
    /// <summary>Being worked on; the newest version of a ticket's drafts is its current draft while it has this status.</summary>
    public const string Draft = "DRAFT";

    /// <summary>Approved: its reply was added to the thread and queued for the requester.</summary>
    public const string Sent = "SENT";

    /// <summary>Thrown away by a person (<c>DELETE /api/tickets/{id}/draft</c>).</summary>
    public const string Discarded = "DISCARDED";

    public static IReadOnlyList<string> All { get; } = [Draft, Sent, Discarded];
}

/// <summary>One version of a ticket's drafted reply, as the REST API shows it (docs/drafts.md, "Drafts over REST").</summary>
public sealed record DraftDto(
    [property: Description("The ticket the draft answers.")]
    [property: JsonPropertyName("ticket_id")] long TicketId,
    [property: Description("1 for a ticket's first draft, one more for every later version (generated, refined or edited).")] long Version,
    [property: Description("DRAFT, SENT or DISCARDED.")] string Status,
    [property: Description("Plain text for the requester.")] string Reply,
    [property: Description("For staff only; never sent.")]
    [property: JsonPropertyName("tech_instructions")] string TechInstructions,
    [property: Description("FINAL or NEEDS_FOLLOW_UP.")]
    [property: JsonPropertyName("solution_status")] string SolutionStatus,
    [property: Description("What to ask the requester when the status is NEEDS_FOLLOW_UP.")]
    [property: JsonPropertyName("follow_up_questions")] IReadOnlyList<string> FollowUpQuestions,
    [property: Description("The articles and earlier tickets the draft rests on.")] IReadOnlyList<DraftSource> Sources,
    [property: Description("The refinement this version answers; null for a fresh draft or a person's edit.")] string? Instruction,
    [property: Description("offline, model:<name>, or the writer of the version a person edited.")]
    [property: JsonPropertyName("generated_by")] string GeneratedBy,
    [property: Description("True when a person wrote this version (PUT).")] bool Edited,
    [property: Description("What part of the refinement could not be applied; null otherwise.")] string? Remark,
    [property: Description("When this version was made, UTC.")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Created,
    [property: Description("When this version last changed (its status), UTC.")]
    [property: JsonConverter(typeof(UtcTimestampJsonConverter))] DateTime Updated);

/// <summary>Every version of a ticket's drafts, newest first, in the page envelope of the thread.</summary>
public sealed record DraftPage(long Count, string? Next, string? Previous, IReadOnlyList<DraftDto> Results);

/// <summary>A person's edit of the current draft (<c>PUT /api/tickets/{id}/draft</c>).</summary>
public sealed record DraftEdit(string Reply, string TechInstructions);

/// <summary>
/// The approval (<c>POST /api/tickets/{id}/draft/send</c>). <paramref name="Version"/>, when given, is the draft
/// version the person read and approves: a newer one is refused (412) rather than sent unseen.
/// </summary>
public sealed record DraftApproval(bool Resolve, string? Author = null, long? Version = null);

/// <summary>Source-generated JSON for the draft contracts, as <see cref="TicketJsonContext"/> is for tickets.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DraftDto))]
[JsonSerializable(typeof(DraftPage))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<DraftSource>))]
public sealed partial class DraftJsonContext : JsonSerializerContext;
