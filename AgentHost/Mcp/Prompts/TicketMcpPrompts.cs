using System.Globalization;
using System.Text.Json;
using AgentHost.Mcp.Resources;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Mcp.Prompts;

/// <summary>
/// The MCP prompts of docs/mcp.md, "Prompts": <c>draft-ticket-response</c>, <c>triage-ticket</c> and
/// <c>summarize-ticket</c>. <c>prompts/get</c> answers with two user messages: what to do (naming the tools to use)
/// and the ticket as an embedded <c>ticket://{id}</c> resource, so its text arrives as data. Every refusal is
/// invalid params (-32602), as the spec lists for an unknown prompt or a missing argument.
/// </summary>
public sealed class TicketMcpPrompts(TicketResourceReader reader, IReadOnlySet<string> offeredTools)
{
    public const string DraftTicketResponse = "draft-ticket-response";
    public const string TriageTicket = "triage-ticket";
    public const string SummarizeTicket = "summarize-ticket";

    /// <summary>A tone is a few words ("formal", "short and warm"); more is not a tone.</summary>
    public const int MaxToneLength = 100;

    private static readonly PromptArgument IdArgument = new()
    {
        Name = "id",
        Title = "Ticket number",
        Description = "The ticket's id, a positive whole number (e.g. 12).",
        Required = true,
    };

    public static IList<Prompt> Prompts { get; } =
    [
        new Prompt
        {
            Name = DraftTicketResponse,
            Title = "Draft a reply to a ticket",
            Description = "Draft a reply to the requester from the knowledge base, for a person to approve before it is sent.",
            Arguments =
            [
                IdArgument,
                new PromptArgument
                {
                    Name = "tone",
                    Title = "Tone",
                    Description = $"Optional: how the reply should sound, e.g. formal, friendly, concise (up to {MaxToneLength} characters).",
                    Required = false,
                },
            ],
        },
        new Prompt
        {
            Name = TriageTicket,
            Title = "Triage a ticket",
            Description = "Decide a ticket's category and priority with reasons, and look for a duplicate or a known fix.",
            Arguments = [IdArgument],
        },
        new Prompt
        {
            Name = SummarizeTicket,
            Title = "Summarize a ticket",
            Description = "Summarize a ticket and its thread for a technician taking it over.",
            Arguments = [IdArgument],
        },
    ];

    public async Task<GetPromptResult> GetAsync(GetPromptRequestParams? request, CancellationToken cancellationToken)
    {
        var name = request?.Name;
        var prompt = Prompts.FirstOrDefault(p => p.Name == name)
                     ?? throw Invalid($"Unknown prompt '{name}'. This server has {string.Join(", ", Prompts.Select(p => p.Name))}.");
        var arguments = Arguments(prompt, request?.Arguments);
        var id = TicketId(prompt, arguments);
        var tone = prompt.Name == DraftTicketResponse ? Tone(arguments) : null;

        TextResourceContents ticket;
        try
        {
            ticket = await reader.ReadTicketAsync(id, cancellationToken);
        }
        catch (McpProtocolException exception) when (exception.ErrorCode == McpErrorCode.ResourceNotFound)
        {
            // The argument names nothing: that is a bad argument of this request, not a missing resource.
            throw Invalid($"Prompt '{prompt.Name}': ticket with id '{id}' was not found.");
        }

        var text = prompt.Name switch
        {
            DraftTicketResponse => TicketPromptTexts.DraftResponse(id, tone, offeredTools),
            TriageTicket => TicketPromptTexts.Triage(id, offeredTools),
            _ => TicketPromptTexts.Summarize(id),
        };
        return new GetPromptResult
        {
            Description = $"{prompt.Title}: ticket #{id}",
            Messages =
            [
                new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text } },
                new PromptMessage { Role = Role.User, Content = new EmbeddedResourceBlock { Resource = ticket } },
            ],
        };
    }

    /// <summary>The arguments as text; an argument the prompt does not have is refused, naming the ones it has.</summary>
    private static Dictionary<string, string> Arguments(Prompt prompt, IDictionary<string, JsonElement>? given)
    {
        var known = prompt.Arguments!.Select(a => a.Name).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in given ?? new Dictionary<string, JsonElement>())
        {
            if (!known.Contains(key))
            {
                throw Invalid($"Prompt '{prompt.Name}' has no argument '{key}'; its arguments are {string.Join(", ", known)}.");
            }

            // The spec's arguments are strings; a client that sends 12 as a number means the same.
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw Invalid($"Prompt '{prompt.Name}': argument '{key}' must be a string, not {value.GetRawText()}."),
            };
            if (!string.IsNullOrWhiteSpace(text))
            {
                values[key] = text.Trim();
            }
        }

        return values;
    }

    private static long TicketId(Prompt prompt, Dictionary<string, string> arguments)
    {
        if (!arguments.TryGetValue("id", out var text))
        {
            throw Invalid($"Prompt '{prompt.Name}' needs the argument 'id' (the ticket number).");
        }

        return long.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw Invalid($"Prompt '{prompt.Name}': id must be a positive whole number, not '{text}'.");
    }

    private static string? Tone(Dictionary<string, string> arguments) =>
        arguments.TryGetValue("tone", out var tone) && tone.Length > MaxToneLength
            ? throw Invalid($"Prompt '{DraftTicketResponse}': tone is at most {MaxToneLength} characters, e.g. 'formal' or 'short and friendly'.")
            : arguments.GetValueOrDefault("tone");

    private static McpProtocolException Invalid(string message) => new(message, McpErrorCode.InvalidParams);
}
