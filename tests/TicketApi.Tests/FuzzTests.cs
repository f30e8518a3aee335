using System.Net;
using System.Text;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests;

/// <summary>
/// Throws 10,000 junk requests at the API (fixed seed, so a failure reproduces) and requires that none
/// gets a 5xx and that the data stays readable afterwards.
/// </summary>
public abstract class FuzzTests(TicketStoreFixture store) : TicketApiTest(store)
{
    private static readonly string[] Nasty =
    [
        "\"", "*", "OR", "NEAR(", "NEAR(a b", "AND", "NOT", "^", ":", "(", ")", "{", "}", "'", "';--", "' OR 1=1 --",
        "\"; DROP TABLE tickets; --", "%", "_", "\\", "\0", "\u00e9", "\U0001F600", "\ud800", "null", "true", "-1", "0",
        "1e309", "9999999999999999999999", "2025-13-45", "2025-01-01T99:99:99Z", "OPEN", "DONE", "open", "RESOLVED,", ",",
        "-created", "--created", "created,-", "<script>", "../../etc/passwd", "%00", "%FF", "%C3%28", " ", "\t\n",
    ];

    private static readonly string[] Parameters =
    [
        "page", "page_size", "ordering", "search", "id", "id__in", "title__icontains", "description__icontains",
        "created__gte", "created__lte", "updated__gte", "updated__lte", "resolution_status", "resolution_status__in",
        "bogus", "", "page[]", "id__gt", "format",
    ];

    private static readonly string[] Fields = ["title", "description", "resolution_status", "id", "created", "updated", "other", ""];

    [Fact]
    public async Task Ten_thousand_junk_requests_never_produce_a_server_error()
    {
        var random = new Random(20250108);
        for (var i = 0; i < 5; i++)
        {
            await CreateTicketAsync($"Seed {i}", "Seed description with VPN and mail");
        }

        var failures = new List<string>();
        var seen = new HashSet<int>();
        for (var i = 0; i < 10_000; i++)
        {
            var request = NextRequest(random);
            var description = $"{request.Method} {request.RequestUri} {(request.Content is null ? "" : await request.Content.ReadAsStringAsync())}";
            HttpResponseMessage response;
            try
            {
                response = await Client.SendAsync(request);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"threw {ex.GetType().Name} ({ex.Message}): {Clip(description)}");
                continue;
            }
            seen.Add((int)response.StatusCode);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode}: {Clip(description)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} requests failed, e.g.:\n{string.Join('\n', failures.Take(10))}");
        // The junk must reach every kind of answer, or the generator has stopped testing anything.
        Assert.True(seen.IsSupersetOf([200, 201, 204, 400, 404, 409, 412, 415, 422]), "Answers seen: " + string.Join(", ", seen.Order()));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/tickets/?page_size=100")).StatusCode);
    }

    private static HttpRequestMessage NextRequest(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
            case 1:
                return new HttpRequestMessage(HttpMethod.Get, "/api/tickets/?" + JunkQuery(random));
            case 2:
                return WithBody(HttpMethod.Post, "/api/tickets/", random);
            case 3:
                return WithBody(random.Next(2) == 0 ? HttpMethod.Put : HttpMethod.Patch, $"/api/tickets/{JunkId(random)}/", random);
            case 4:
                return new HttpRequestMessage(random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Delete, $"/api/tickets/{JunkId(random)}/");
            default:
                var request = WithBody(HttpMethod.Patch, $"/api/tickets/{random.Next(1, 600)}/", random);
                request.Headers.TryAddWithoutValidation(random.Next(2) == 0 ? "If-Match" : "If-None-Match",
                    random.Next(3) == 0 ? "\"0\"" : JunkText(random));
                return request;
        }
    }

    private static string JunkId(Random random) => random.Next(4) switch
    {
        0 => random.Next(1, 600).ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Kestrel answers a NUL in the path with 400 before the app sees it; TestServer throws instead.
        1 => Uri.EscapeDataString(JunkText(random)).Replace("%00", "", StringComparison.Ordinal),
        2 => "99999999999999999999",
        _ => random.Next(-5, 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string JunkQuery(Random random)
    {
        var parts = new List<string>();
        var count = random.Next(0, 4);
        for (var i = 0; i < count; i++)
        {
            var name = Parameters[random.Next(Parameters.Length)];
            var value = JunkText(random);
            // Half the values go raw (possibly invalid percent-encoding), half properly encoded.
            parts.Add(name + "=" + (random.Next(2) == 0 ? value.Replace("&", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal) : Uri.EscapeDataString(value)));
        }
        return string.Join('&', parts);
    }

    private static HttpRequestMessage WithBody(HttpMethod method, string url, Random random)
    {
        var request = new HttpRequestMessage(method, url);
        byte[] bytes = random.Next(10) switch
        {
            0 => RandomBytes(random),
            1 => Encoding.UTF8.GetBytes(new string('[', random.Next(1, 3000))),
            2 => Encoding.UTF8.GetBytes(JunkText(random)),
            3 or 4 => Encoding.UTF8.GetBytes(PlausibleObject(random)),
            _ => Encoding.UTF8.GetBytes(JunkObject(random)),
        };
        request.Content = new ByteArrayContent(bytes);
        var contentType = random.Next(12) switch
        {
            0 => "text/plain",
            1 => "application/json; charset=latin1",
            2 => "application/problem+json",
            3 => "multipart/form-data; boundary=x",
            4 => "garbage/",
            _ => "application/json",
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return request;
    }

    private static string JunkObject(Random random)
    {
        var builder = new StringBuilder("{");
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }
            builder.Append('"').Append(Fields[random.Next(Fields.Length)]).Append("\":").Append(JunkValue(random));
        }
        if (random.Next(15) == 0)
        {
            builder.Append(',');
        }
        return builder.Append(random.Next(20) == 0 ? "" : "}").ToString();
    }

    /// <summary>Well-formed bodies with junk text, so the lifecycle and length rules get exercised too.</summary>
    private static string PlausibleObject(Random random)
    {
        string[] statuses = ["OPEN", "RESOLVED", "CLOSED"];
        var fields = new List<string> { $"\"resolution_status\":\"{statuses[random.Next(3)]}\"" };
        if (random.Next(2) == 0)
        {
            fields.Add("\"title\":" + System.Text.Json.JsonSerializer.Serialize(JunkText(random)));
        }
        if (random.Next(2) == 0)
        {
            fields.Add("\"description\":" + System.Text.Json.JsonSerializer.Serialize(JunkText(random)));
        }
        return "{" + string.Join(',', fields.OrderBy(_ => random.Next())) + "}";
    }

    private static string JunkValue(Random random) => random.Next(10) switch
    {
        8 => random.Next(2) == 0 ? "\"CLOSED\"" : "\"RESOLVED\"",
        0 => "null",
        1 => "12345",
        2 => "-1.5e400",
        3 => "[\"OPEN\"]",
        4 => "{\"nested\":{\"deep\":true}}",
        5 => "\"" + new string('x', random.Next(200, 30_000)) + "\"",
        6 => "\"\\ud83d\"",
        7 => "true",
        _ => System.Text.Json.JsonSerializer.Serialize(JunkText(random)),
    };

    private static string JunkText(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            builder.Append(random.Next(3) == 0 ? RandomUnicode(random) : Nasty[random.Next(Nasty.Length)]);
        }
        return builder.ToString();
    }

    private static string RandomUnicode(Random random)
    {
        var chars = new char[random.Next(1, 12)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 0xFFFF);
        }
        return new string(chars);
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "...";
}

public sealed class FuzzOnSqliteTests() : FuzzTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class FuzzOnPostgresTests(PostgresServer server) : FuzzTests(server);
