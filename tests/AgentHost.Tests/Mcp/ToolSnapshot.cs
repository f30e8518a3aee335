using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;

namespace AgentHost.Tests.Mcp;

/// <summary>
/// The tool list as MCP clients see it (name, title, description, annotations, input schema), kept in a
/// checked-in file so that any change to what assistants are told is a deliberate, reviewed change.
/// Run the tests with <c>UPDATE_MCP_SNAPSHOT=1</c> to rewrite the file after such a change.
/// </summary>
internal static class ToolSnapshot
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string FilePath([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "tools.snapshot.json");

    public static bool UpdateRequested => Environment.GetEnvironmentVariable("UPDATE_MCP_SNAPSHOT") == "1";

    public static string Render(IEnumerable<McpClientTool> tools)
    {
        var array = new JsonArray();
        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            array.Add(new JsonObject
            {
                ["name"] = tool.Name,
                ["title"] = tool.Title,
                ["description"] = tool.Description,
                ["annotations"] = JsonSerializer.SerializeToNode(tool.Annotations, ModelContextProtocol.McpJsonUtilities.DefaultOptions),
                ["inputSchema"] = JsonNode.Parse(tool.InputSchema.GetRawText()),
            });
        }

        return array.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Asserts the listing equals the file, or rewrites the file when an update was asked for.</summary>
    public static void AssertMatches(IEnumerable<McpClientTool> tools)
    {
        var actual = Render(tools);
        if (UpdateRequested)
        {
            File.WriteAllText(FilePath(), actual);
            return;
        }

        Assert.True(File.Exists(FilePath()), $"Missing {FilePath()}: run the tests once with UPDATE_MCP_SNAPSHOT=1.");
        var expected = File.ReadAllText(FilePath()).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
