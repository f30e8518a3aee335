namespace AgentCli.Tests.Containers;

/// <summary>
/// Reads the block-style YAML that <c>docker-compose config</c> prints (PyYAML's dump: two-space
/// indents, lists at their key's indent, plain or quoted scalars) into dictionaries, lists and strings.
/// Only that normalised output is read, never hand-written YAML, so this subset is enough and no YAML
/// package is needed.
/// </summary>
internal static class BlockYaml
{
    public static Dictionary<string, object> Parse(string text)
    {
        var lines = text.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'))
            .ToList();
        var index = 0;
        return (Dictionary<string, object>)ReadBlock(lines, ref index, Indent(lines[0]));
    }

    private static object ReadBlock(List<string> lines, ref int index, int indent)
    {
        if (lines[index].TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            return ReadList(lines, ref index, indent);
        }

        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        while (index < lines.Count && Indent(lines[index]) == indent && !lines[index].TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            var (key, value) = SplitPair(lines[index].Trim());
            index++;
            map[key] = value is not null ? Scalar(value) : ReadNested(lines, ref index, indent);
        }

        return map;
    }

    private static object ReadNested(List<string> lines, ref int index, int parentIndent)
    {
        if (index >= lines.Count)
        {
            return string.Empty;
        }

        var next = Indent(lines[index]);
        var isListAtSameIndent = next == parentIndent && lines[index].TrimStart().StartsWith("- ", StringComparison.Ordinal);
        return next > parentIndent || isListAtSameIndent ? ReadBlock(lines, ref index, next) : string.Empty;
    }

    private static List<object> ReadList(List<string> lines, ref int index, int indent)
    {
        var list = new List<object>();
        while (index < lines.Count && Indent(lines[index]) == indent && lines[index].TrimStart().StartsWith("- ", StringComparison.Ordinal))
        {
            var item = lines[index].Trim()[2..];
            var (key, _) = SplitPair(item);
            if (key.Length > 0 && !item.StartsWith('\'') && !item.StartsWith('"'))
            {
                // "- key: value" opens a map whose other keys sit two columns further in.
                lines[index] = new string(' ', indent + 2) + item;
                list.Add(ReadBlock(lines, ref index, indent + 2));
            }
            else
            {
                list.Add(Scalar(item));
                index++;
            }
        }

        return list;
    }

    private static (string Key, string? Value) SplitPair(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return line.EndsWith(':') ? (line[..^1], null) : (string.Empty, line);
        }

        return (line[..colon], line[(colon + 2)..]);
    }

    private static object Scalar(string raw) => raw switch
    {
        "{}" => new Dictionary<string, object>(StringComparer.Ordinal),
        "[]" => new List<object>(),
        ['\'', .. var inner, '\''] => inner.Replace("''", "'", StringComparison.Ordinal),
        ['"', .. var inner, '"'] => inner.Replace("\\\"", "\"", StringComparison.Ordinal),
        _ => raw,
    };

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
