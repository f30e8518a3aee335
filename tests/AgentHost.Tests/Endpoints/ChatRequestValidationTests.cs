using System.Net;
using System.Net.Http.Json;
using System.Text;
using AgentHost.Tests.Support;

namespace AgentHost.Tests.Endpoints;

/// <summary>What /chat answers to a request it cannot run: a problem with a status and a detail, never a 500.</summary>
public class ChatRequestValidationTests
{
    private static async Task<HttpResponseMessage> GetAsync(AgentHostFactory factory, string query) =>
        await factory.CreateClient().GetAsync("/chat?" + query, HttpCompletionOption.ResponseHeadersRead);

    [Theory]
    [InlineData("")]
    [InlineData("message=")]
    [InlineData("message=%20%20%20")]
    [InlineData("session_id=abc")]
    public async Task A_blank_get_message_is_a_400_problem(string query)
    {
        await using var factory = new AgentHostFactory();

        using var response = await GetAsync(factory, query);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("message is required", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{}", "application/json", 400, "message is required")]
    [InlineData("{\"message\":\"  \"}", "application/json", 400, "message is required")]
    [InlineData("null", "application/json", 400, "message is required")]
    [InlineData("{\"message\": 12}", "application/json", 400, "JSON object")]
    [InlineData("{not json", "application/json", 400, "JSON object")]
    [InlineData("[1,2]", "application/json", 400, "JSON object")]
    [InlineData("", "application/json", 400, "JSON object")]
    [InlineData("{\"message\":\"hi\",\"session_id\":\"no spaces allowed\"}", "application/json", 400, "session_id")]
    public async Task Bad_post_bodies_are_problems_never_500s(string body, string contentType, int status, string detailPart)
    {
        await using var factory = new AgentHostFactory();
        using var content = new StringContent(body, Encoding.UTF8, contentType);

        using var response = await factory.CreateClient().PostAsync("/chat", content);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(detailPart, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_post_body_that_is_not_json_is_a_415_problem(string contentType)
    {
        await using var factory = new AgentHostFactory();
        using var content = new StringContent("message=hi", Encoding.UTF8, contentType);

        using var response = await factory.CreateClient().PostAsync("/chat", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_overlong_message_is_a_400_problem()
    {
        await using var factory = new AgentHostFactory();

        using var response = await factory.CreateClient().PostAsJsonAsync("/chat", new { message = new string('x', 8001) });
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("too long", problem.GetProperty("detail").GetString());
    }
}
