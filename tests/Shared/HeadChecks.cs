namespace AgentTickets.Testing;

/// <summary>RFC 9110 section 9.3.2 as a check: HEAD gets GET's status and header fields, and no content.</summary>
public static class HeadChecks
{
    /// <summary>Fields that legitimately differ between two answers, or describe only the content's framing.</summary>
    private static readonly HashSet<string> Varying = new(StringComparer.OrdinalIgnoreCase) { "Date", "Transfer-Encoding", "Connection" };

    public static async Task<RawHttp.Response> AssertHeadMatchesGetAsync(Uri server, string path, params string[] headers)
    {
        var deadline = TimeSpan.FromSeconds(30);
        var get = await RawHttp.SendAsync(server, "GET", path, headers, [], deadline);
        var head = await RawHttp.SendAsync(server, "HEAD", path, headers, [], deadline);

        Assert.Equal(get.Status, head.Status);
        Assert.Equal("", head.Body);
        foreach (var (name, value) in get.Headers.Where(h => !Varying.Contains(h.Key)))
        {
            Assert.True(head.Header(name) == value, $"HEAD {path}: {name} is '{head.Header(name)}', GET sent '{value}'");
        }
        foreach (var name in head.Headers.Keys.Where(n => !Varying.Contains(n)))
        {
            Assert.True(get.Header(name) is not null, $"HEAD {path} sent {name}, GET did not");
        }
        return head;
    }
}
