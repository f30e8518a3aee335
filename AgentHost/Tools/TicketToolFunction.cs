using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using TicketApi.Accounts;

namespace AgentHost.Tools;

/// <summary>
/// A ticket tool as an <see cref="AIFunction"/>, with its arguments checked here rather than by reflection
/// binding: an unknown argument is refused with the known ones named, a missing or ill-typed one with a
/// sentence about that argument, every problem of a call at once. The schema advertises the same rules
/// (<c>additionalProperties: false</c>). Results are <see cref="TicketToolResult"/>s. See docs/tools.md.
/// </summary>
public sealed class TicketToolFunction : AIFunction
{
    private readonly IReadOnlyList<ToolParameter> _parameters;
    private readonly Func<ToolArguments, CancellationToken, Task<TicketToolResult>> _run;

    public TicketToolFunction(string name, string description, IReadOnlyList<ToolParameter> parameters,
        Func<ToolArguments, CancellationToken, Task<TicketToolResult>> run)
    {
        Name = name;
        Description = description;
        _parameters = parameters;
        _run = run;
        JsonSchema = BuildSchema(parameters);
    }

    public override string Name { get; }

    public override string Description { get; }

    public override JsonElement JsonSchema { get; }

    public override JsonSerializerOptions JsonSerializerOptions => TicketToolJson.Options;

    public IReadOnlyList<ToolParameter> Parameters => _parameters;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var errors = new List<string>();
        var unknown = arguments.Keys.Where(k => _parameters.All(p => p.Name != k)).ToList();
        if (unknown.Count > 0)
        {
            var known = _parameters.Count == 0 ? "it takes none" : "its arguments are " + string.Join(", ", _parameters.Select(p => p.Name));
            errors.Add($"{Name} has no argument {string.Join(", ", unknown)}; {known}.");
        }

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var parameter in _parameters)
        {
            var value = arguments.TryGetValue(parameter.Name, out var raw) ? AsJson(raw) : (JsonElement?)null;
            if (value is null or { ValueKind: JsonValueKind.Null })
            {
                if (parameter.Required)
                {
                    errors.Add($"{parameter.Name} is required.");
                }
                continue;
            }
            var (read, error) = parameter.Read(value.Value);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                values[parameter.Name] = read!;
            }
        }

        if (errors.Count > 0)
        {
            return TicketToolResult.InvalidArguments($"Invalid arguments for {Name}: {string.Join(" ", errors)}");
        }
        // The person of the chat or MCP request, through its channel, now with this tool named: what the audit
        // trail records of the change the tool makes (docs/accounts.md, "Audit").
        using (ActingContext.EnterTool(ActingContext.Current.Channel, Name))
        {
            return await _run(new ToolArguments(values), cancellationToken);
        }
    }

    // MCP hands JsonElements; the chat loop hands what the model's JSON or the planner made (numbers, strings,
    // enums, arrays): one JSON form lets one reader check them all.
    private static JsonElement? AsJson(object? raw) => raw switch
    {
        null => null,
        JsonElement element => element,
        JsonNode node => JsonSerializer.SerializeToElement(node, TicketToolJson.Options),
        _ => JsonSerializer.SerializeToElement(raw, raw.GetType(), TicketToolJson.Options),
    };

    private static JsonElement BuildSchema(IReadOnlyList<ToolParameter> parameters)
    {
        var properties = new JsonObject();
        foreach (var parameter in parameters)
        {
            properties[parameter.Name] = parameter.Schema();
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        var required = parameters.Where(p => p.Required).Select(p => (JsonNode)p.Name).ToArray();
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }
        schema["additionalProperties"] = false;
        return JsonSerializer.SerializeToElement(schema, TicketToolJson.Options);
    }
}
