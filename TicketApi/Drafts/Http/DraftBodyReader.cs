using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketApi.Http;

namespace TicketApi.Drafts.Http;

/// <summary>
/// Reads the draft bodies as the ticket bodies are read (415, 413, 400 for the shape: malformed JSON, wrong
/// types, unknown or repeated fields; 422 for values outside <see cref="DraftRules"/>): docs/drafts.md,
/// "Drafts over REST". The two POSTs also take no body at all (no Content-Type, nothing sent) as <c>{}</c>,
/// so <c>curl -X POST</c> asks for a fresh draft or sends one without resolving.
/// </summary>
public static class DraftBodyReader
{
    /// <summary>Draft fields the server sets: accepted so a GET-edit-PUT round trip works, and ignored.</summary>
    private static readonly HashSet<string> ReadOnlyFields =
        ["ticket_id", "version", "status", "solution_status", "follow_up_questions", "sources", "instruction", "generated_by", "edited", "remark", "created", "updated"];

    public sealed record Result<T>(T? Value, ProblemHttpResult? Problem);

    /// <summary><c>{}</c> or <c>{"instruction": "..."}</c>; the instruction comes back trimmed, null when absent or null.</summary>
    public static async Task<Result<string?>> ReadInstructionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        return await ReadAsync<string?>(request, allowEmpty: true, root =>
        {
            var shape = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            string? instruction = null;
            foreach (var property in Fields(root, shape))
            {
                if (property.Name == DraftRules.Instruction)
                {
                    instruction = property.Value.ValueKind == JsonValueKind.Null ? null : TicketBodyReader.ReadString(property, shape);
                }
                else
                {
                    Unknown(shape, property.Name);
                }
            }
            instruction = DraftRules.Trim(instruction);
            return Finish(shape, DraftRules.InstructionErrors(instruction), instruction, "a draft request");
        }, cancellationToken);
    }

    /// <summary><c>{"reply": "...", "tech_instructions": "..."}</c>, both required; the draft's other fields ride along ignored.</summary>
    public static Task<Result<DraftEdit>> ReadEditAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync<DraftEdit>(request, allowEmpty: false, root =>
        {
            var shape = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            string? reply = null, tech = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in Fields(root, shape))
            {
                seen.Add(property.Name);
                switch (property.Name)
                {
                    case DraftRules.Reply:
                        reply = TicketBodyReader.ReadString(property, shape);
                        break;
                    case DraftRules.TechInstructions:
                        tech = TicketBodyReader.ReadString(property, shape);
                        break;
                    default:
                        if (!ReadOnlyFields.Contains(property.Name))
                        {
                            Unknown(shape, property.Name);
                        }
                        break;
                }
            }
            foreach (var required in new[] { DraftRules.Reply, DraftRules.TechInstructions })
            {
                if (!seen.Contains(required))
                {
                    TicketBodyReader.Add(shape, required, "This field is required.");
                }
            }
            var edit = new DraftEdit(DraftRules.Trim(reply) ?? "", DraftRules.Trim(tech) ?? "");
            var values = DraftRules.EditErrors(edit)
                .Where(e => (e.Key == DraftRules.Reply ? reply : tech) is not null)
                .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            return Finish(shape, values, edit, "a draft edit");
        }, cancellationToken);

    /// <summary><c>{"resolve": false}</c>, with optional <c>author</c> and <c>version</c>; every field may be left out.</summary>
    public static Task<Result<DraftApproval>> ReadApprovalAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync<DraftApproval>(request, allowEmpty: true, root =>
        {
            var shape = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var resolve = false;
            string? author = null;
            long? version = null;
            foreach (var property in Fields(root, shape))
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case DraftRules.Resolve when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                        resolve = value.GetBoolean();
                        break;
                    case DraftRules.Resolve:
                        TicketBodyReader.Add(shape, property.Name, $"Expected a boolean, got {TicketBodyReader.Describe(value.ValueKind)}.");
                        break;
                    case DraftRules.Author:
                        author = value.ValueKind == JsonValueKind.Null ? null : TicketBodyReader.ReadString(property, shape);
                        break;
                    case DraftRules.Version when value.ValueKind == JsonValueKind.Null:
                        break;
                    case DraftRules.Version when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number):
                        version = number;
                        break;
                    case DraftRules.Version:
                        TicketBodyReader.Add(shape, property.Name, $"Expected a whole number (the draft version you approve), got {TicketBodyReader.Describe(value.ValueKind)}.");
                        break;
                    default:
                        Unknown(shape, property.Name);
                        break;
                }
            }
            author = DraftRules.Trim(author) is { Length: > 0 } trimmed ? trimmed : null;
            var approval = new DraftApproval(resolve, author, version);
            return Finish(shape, DraftRules.ApprovalErrors(approval), approval, "an approval");
        }, cancellationToken);

    private static async Task<Result<T>> ReadAsync<T>(HttpRequest request, bool allowEmpty,
        Func<JsonElement, Result<T>> validate, CancellationToken cancellationToken)
    {
        if (allowEmpty && string.IsNullOrEmpty(request.ContentType) && request.ContentLength is null or 0 && await IsEmptyAsync(request, cancellationToken))
        {
            using var empty = JsonDocument.Parse("{}");
            return validate(empty.RootElement);
        }
        var (document, problem) = await TicketBodyReader.ReadObjectAsync(request, cancellationToken);
        if (document is null)
        {
            return new Result<T>(default, problem);
        }
        using (document)
        {
            return validate(document.RootElement);
        }
    }

    /// <summary>True when the body holds nothing; a body with bytes but no Content-Type is then refused as non-JSON (415).</summary>
    private static async Task<bool> IsEmptyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return true;
        }
        var probe = new byte[1];
        return await request.Body.ReadAsync(probe, cancellationToken) == 0;
    }

    /// <summary>The object's properties, each name once: a repeated one is a shape error and skipped.</summary>
    private static IEnumerable<JsonProperty> Fields(JsonElement root, Dictionary<string, List<string>> shape)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (seen.Add(property.Name))
            {
                yield return property;
            }
            else
            {
                TicketBodyReader.Add(shape, property.Name, "Field sent more than once.");
            }
        }
    }

    private static void Unknown(Dictionary<string, List<string>> shape, string name) =>
        TicketBodyReader.Add(shape, name, "Unknown field sent in request body.");

    private static Result<T> Finish<T>(Dictionary<string, List<string>> shape, Dictionary<string, string[]> values, T value, string what)
    {
        var valueLists = values.ToDictionary(e => e.Key, e => e.Value.ToList(), StringComparer.Ordinal);
        if (shape.Count > 0)
        {
            return new Result<T>(default, TicketProblems.Fields(StatusCodes.Status400BadRequest,
                $"The request body does not have the shape of {what}.", TicketBodyReader.Merge(shape, valueLists)));
        }
        if (values.Count > 0)
        {
            return new Result<T>(default, TicketProblems.Fields(StatusCodes.Status422UnprocessableEntity,
                $"One or more fields have values {what} cannot take.", values));
        }
        return new Result<T>(value, null);
    }
}
