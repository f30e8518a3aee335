using System.Text.Json;
using AgentTickets.Testing;

namespace Deployment.Tests.Containers;

/// <summary>One instruction of a Dockerfile, continuation lines joined.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments);

/// <summary>A Dockerfile split into instructions the way the builder reads it (comments dropped, "\" joined).</summary>
internal sealed record Dockerfile(IReadOnlyList<DockerInstruction> Instructions)
{
    public static Dockerfile Load(string relativePath)
    {
        var instructions = new List<DockerInstruction>();
        var pending = string.Empty;
        foreach (var raw in File.ReadAllLines(RepoPaths.File(relativePath)))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var full = (pending + line).Trim();
            pending = string.Empty;
            var space = full.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add(new DockerInstruction(full[..space].ToUpperInvariant(), full[(space + 1)..].Trim()));
        }

        return new Dockerfile(instructions);
    }

    /// <summary>The instructions of the last stage: what the shipped image is made of.</summary>
    public IReadOnlyList<DockerInstruction> FinalStage =>
        Instructions.Skip(Instructions.ToList().FindLastIndex(i => i.Keyword == "FROM")).ToList();

    public IEnumerable<string> BaseImages => Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ')[0]);

    /// <summary>ENV values of the final stage (NAME=value pairs, quotes removed).</summary>
    public Dictionary<string, string> FinalEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var env in FinalStage.Where(i => i.Keyword == "ENV"))
        {
            // Pairs are separated by whitespace outside quotes.
            var text = env.Arguments;
            var i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                var eq = text.IndexOf('=', i);
                if (eq < 0)
                {
                    break;
                }

                var name = text[i..eq];
                i = eq + 1;
                string value;
                if (i < text.Length && text[i] == '"')
                {
                    var close = text.IndexOf('"', i + 1);
                    value = text[(i + 1)..close];
                    i = close + 1;
                }
                else
                {
                    var end = i;
                    while (end < text.Length && !char.IsWhiteSpace(text[end]))
                    {
                        end++;
                    }

                    value = text[i..end];
                    i = end;
                }

                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>The exec-form command of HEALTHCHECK ... CMD ["...", ...].</summary>
    public string[] HealthCheckCommand()
    {
        var health = Assert.Single(FinalStage, i => i.Keyword == "HEALTHCHECK").Arguments;
        var json = health[(health.IndexOf("CMD ", StringComparison.Ordinal) + 4)..];
        return JsonSerializer.Deserialize<string[]>(json)!;
    }
}
