using System.Globalization;

namespace AgentHost.Tests.Mcp;

/// <summary>Linux only: the TCP sockets a process is listening on, read from /proc.</summary>
internal static class ListeningSockets
{
    public static bool CanInspect => OperatingSystem.IsLinux() && File.Exists("/proc/net/tcp");

    public static IReadOnlyList<string> Of(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFiles($"/proc/{processId}/fd"))
        {
            var target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }

        var listening = new List<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // Columns: sl local_address rem_address st ... inode (index 9); state 0A is LISTEN.
                if (columns.Length > 9 && columns[3] == "0A" && inodes.Contains(columns[9]))
                {
                    listening.Add(columns[1] + " (port " + int.Parse(columns[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) + ")");
                }
            }
        }

        return listening;
    }
}
