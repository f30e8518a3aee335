using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentTickets.Testing;

/// <summary>
/// Validates a JSON value against a schema of an OpenAPI 3.1 document (JSON Schema 2020-12), covering the
/// keywords the document uses: $ref to components, type (one or a list), enum, properties, required,
/// additionalProperties, items, allOf/oneOf/anyOf, minimum/maximum, minLength/maxLength (in code points, as
/// JSON Schema counts), and the formats int32, int64, date, date-time and uri. A keyword it does not know
/// fails the check, so a schema that grows beyond it cannot pass unchecked.
/// </summary>
public sealed class JsonSchemaCheck(JsonNode document)
{
    private static readonly HashSet<string> Annotations =
        ["description", "example", "examples", "readOnly", "writeOnly", "title", "default", "deprecated", "externalDocs", "$schema"];

    private static readonly HashSet<string> Known =
    [
        "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "items", "allOf", "oneOf", "anyOf",
        "minimum", "maximum", "minLength", "maxLength", "format", "pattern", "maxItems",
    ];

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, as JSON-pointer-ish messages.</summary>
    public List<string> Validate(JsonNode? value, JsonNode schema, string at = "$")
    {
        var errors = new List<string>();
        Check(value, schema.AsObject(), at, errors);
        return errors;
    }

    private void Check(JsonNode? value, JsonObject schema, string at, List<string> errors)
    {
        foreach (var keyword in schema.Select(p => p.Key).Where(k => !Known.Contains(k) && !Annotations.Contains(k)))
        {
            errors.Add($"{at}: the check does not know the schema keyword '{keyword}'");
        }
        if (schema["$ref"] is { } reference)
        {
            Check(value, Resolve((string)reference!), at, errors);
        }
        if (schema["type"] is { } type && !TypeMatches(value, type))
        {
            errors.Add($"{at}: {Describe(value)} is not of type {type.ToJsonString()}");
            return;
        }
        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add($"{at}: {Describe(value)} is not one of {options.ToJsonString()}");
        }
        if (schema["const"] is { } constant && !JsonNode.DeepEquals(constant, value))
        {
            errors.Add($"{at}: {Describe(value)} is not {constant.ToJsonString()}");
        }
        foreach (var part in (schema["allOf"] as JsonArray) ?? [])
        {
            Check(value, part!.AsObject(), at, errors);
        }
        if (schema["oneOf"] is JsonArray oneOf)
        {
            var matches = oneOf.Count(part => Validate(value, part!, at).Count == 0);
            if (matches != 1)
            {
                errors.Add($"{at}: {Describe(value)} matches {matches} of the oneOf schemas, not exactly one");
            }
        }
        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(part => Validate(value, part!, at).Count == 0))
        {
            errors.Add($"{at}: {Describe(value)} matches none of the anyOf schemas");
        }
        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, at, errors);
                break;
            case JsonArray array when schema["maxItems"] is { } maxItems && array.Count > (int)maxItems:
                errors.Add($"{at}: {array.Count} items, more than {maxItems}");
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], items, $"{at}[{i}]", errors);
                }
                break;
            case JsonValue scalar:
                CheckScalar(scalar, schema, at, errors);
                break;
        }
    }

    private void CheckObject(JsonObject value, JsonObject schema, string at, List<string> errors)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var required in (schema["required"] as JsonArray) ?? [])
        {
            if (!value.ContainsKey((string)required!))
            {
                errors.Add($"{at}: required property '{required}' is missing");
            }
        }
        foreach (var (name, item) in value)
        {
            if (properties?[name] is JsonObject property)
            {
                Check(item, property, $"{at}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonValue allowed && allowed.GetValueKind() == JsonValueKind.False)
            {
                errors.Add($"{at}: property '{name}' is not in the schema, which allows no others");
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(item, additional, $"{at}.{name}", errors);
            }
        }
    }

    private static void CheckScalar(JsonValue value, JsonObject schema, string at, List<string> errors)
    {
        if (value.GetValueKind() == JsonValueKind.Number)
        {
            var number = value.GetValue<decimal>();
            if (schema["minimum"] is { } min && number < Number(min))
            {
                errors.Add($"{at}: {number} is below the minimum {min}");
            }
            if (schema["maximum"] is { } max && number > Number(max))
            {
                errors.Add($"{at}: {number} is above the maximum {max}");
            }
            if ((string?)schema["format"] is "int32" && number is < int.MinValue or > int.MaxValue)
            {
                errors.Add($"{at}: {number} is not an int32");
            }
        }
        if (value.GetValueKind() != JsonValueKind.String)
        {
            return;
        }
        var text = value.GetValue<string>();
        var length = text.EnumerateRunes().Count();
        if (schema["minLength"] is { } minLength && length < (int)minLength)
        {
            errors.Add($"{at}: '{text}' is shorter than {minLength}");
        }
        if (schema["maxLength"] is { } maxLength && length > (int)maxLength)
        {
            errors.Add($"{at}: a string of {length} characters is longer than {maxLength}");
        }
        if (schema["pattern"] is { } pattern && !System.Text.RegularExpressions.Regex.IsMatch(text, (string)pattern!))
        {
            errors.Add($"{at}: '{text}' does not match {pattern}");
        }
        var formatOk = (string?)schema["format"] switch
        {
            "date-time" => DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "uri-reference" => Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _),
            _ => true,
        };
        if (!formatOk)
        {
            errors.Add($"{at}: '{text}' is not a {schema["format"]}");
        }
    }

    private static bool TypeMatches(JsonNode? value, JsonNode type) => type switch
    {
        JsonArray types => types.Any(t => TypeMatches(value, t!)),
        _ => (string?)type switch
        {
            "null" => value is null,
            "object" => value is JsonObject,
            "array" => value is JsonArray,
            "string" => value is JsonValue s && s.GetValueKind() == JsonValueKind.String,
            "boolean" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            "number" => value is JsonValue n && n.GetValueKind() == JsonValueKind.Number,
            "integer" => value is JsonValue i && i.GetValueKind() == JsonValueKind.Number && decimal.IsInteger(i.GetValue<decimal>()),
            var other => throw new InvalidOperationException($"Unknown JSON Schema type '{other}'."),
        },
    };

    private JsonObject Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        Assert.StartsWith(prefix, reference, StringComparison.Ordinal);
        return document["components"]?["schemas"]?[reference[prefix.Length..]]?.AsObject()
               ?? throw new InvalidOperationException($"The document has no schema {reference}.");
    }

    private static decimal Number(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? decimal.Parse((string)node!, CultureInfo.InvariantCulture) : node.GetValue<decimal>();

    private static string Describe(JsonNode? value) => value is null ? "null" : value.ToJsonString();
}
