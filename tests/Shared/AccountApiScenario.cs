using System.Net;
using System.Text.Json.Nodes;
using static AgentTickets.Testing.ConformanceRequests;

namespace AgentTickets.Testing;

/// <summary>
/// The account routes (Identity's, <c>/api/account/me</c>) and the users' routes with their success and each of their
/// errors (docs/accounts.md), as real requests; run by <see cref="TicketApiScenario"/>, so both hosts' conformance
/// tests cover them. The host is in local mode: no credential is the local admin, a bad bearer token is the 401, and
/// a requester registered here gives the 403s.
/// </summary>
public static class AccountApiScenario
{
    /// <summary>Documented answers no request here can provoke, and where they are tested instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unreachable = new Dictionary<string, string>
    {
        ["post /api/account/register 403"] = "needs AUTH_ALLOW_REGISTRATION=false: AuthModeTests.Registration_turned_off_is_a_403_problem_and_stores_nobody",
        ["get /api/account/confirmEmail 200"] = "needs the code of a confirmation mail, which the desk does not send",
        ["post /api/account/resetPassword 200"] = "needs the code of a reset mail, which the desk does not send",
    };

    private const string Password = "Correct-Horse-9-battery";

    public static async Task RunAsync(HttpClient client)
    {
        const string account = "/api/account";
        const string users = "/api/users/";
        var badToken = ("Authorization", "Bearer not-a-token");

        await ExpectAsync(client, Bare(HttpMethod.Get, $"{account}/me"), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{account}/me", badToken), HttpStatusCode.Unauthorized);

        // Identity's routes: register, sign in, refresh; each refusal; the mail-code routes refuse bad codes.
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/register", $$"""{"email":"dana@example.com","password":"{{Password}}"}"""), HttpStatusCode.OK);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/register", $$"""{"email":"dana@example.com","password":"{{Password}}"}"""), HttpStatusCode.BadRequest);
        var login = JsonNode.Parse(await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/login", $$"""{"email":"dana@example.com","password":"{{Password}}"}"""), HttpStatusCode.OK))!;
        var dana = ("Authorization", $"Bearer {(string)login["accessToken"]!}");
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/login", """{"email":"dana@example.com","password":"wrong"}"""), HttpStatusCode.Unauthorized);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/refresh", $$"""{"refreshToken":"{{(string)login["refreshToken"]!}}"}"""), HttpStatusCode.OK);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/refresh", """{"refreshToken":"not-a-token"}"""), HttpStatusCode.Unauthorized);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{account}/confirmEmail?userId=nobody&code=bad"), HttpStatusCode.Unauthorized);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/resendConfirmationEmail", """{"email":"dana@example.com"}"""), HttpStatusCode.OK);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/forgotPassword", """{"email":"dana@example.com"}"""), HttpStatusCode.OK);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/resetPassword", """{"email":"dana@example.com","resetCode":"bad","newPassword":"Another-Horse-7-battery"}"""), HttpStatusCode.BadRequest);
        foreach (var route in new[] { "register", "login", "refresh", "resendConfirmationEmail", "forgotPassword", "resetPassword", "manage/2fa", "manage/info" })
        {
            await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/{route}", """{"email": """, headers: dana), HttpStatusCode.BadRequest);
        }

        // The person's own account: theirs with their token, 404 for the local admin (no stored person), 401 with a bad token.
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{account}/manage/info", dana), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{account}/manage/info"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{account}/manage/info", badToken), HttpStatusCode.Unauthorized);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/manage/info", $$"""{"oldPassword":"{{Password}}","newPassword":"{{Password}}-2"}""", headers: dana), HttpStatusCode.OK);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/manage/info", """{"oldPassword":"wrong","newPassword":"Another-Horse-7-battery"}""", headers: dana), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/manage/info", "{}"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/manage/info", "{}", headers: badToken), HttpStatusCode.Unauthorized);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/manage/2fa", "{}", headers: dana), HttpStatusCode.OK);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/manage/2fa", """{"enable":true,"twoFactorCode":"000000"}""", headers: dana), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/manage/2fa", "{}"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Json(HttpMethod.Post, $"{account}/manage/2fa", "{}", headers: badToken), HttpStatusCode.Unauthorized);

        // Users, as the local admin: create (and each refusal), list, get, change a role, delete.
        var kim = JsonNode.Parse(await ExpectAsync(client, Json(HttpMethod.Post, users, """{"email":"kim@example.com","role":"agent"}"""), HttpStatusCode.Created))!;
        var kimItem = $"{users}{(string)kim["id"]!}/";
        var rita = JsonNode.Parse(await ExpectAsync(client, Json(HttpMethod.Post, users, $$"""{"email":"rita@example.com","password":"{{Password}}"}"""), HttpStatusCode.Created))!;
        await ExpectAsync(client, Json(HttpMethod.Post, users, """{"email":"kim@example.com","role":"agent"}"""), HttpStatusCode.Conflict);
        await ExpectAsync(client, Json(HttpMethod.Post, users, """{"email":"lee@example.com","role":"boss"}"""), HttpStatusCode.UnprocessableEntity);
        await ExpectAsync(client, Json(HttpMethod.Post, users, """{"email": """), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Bare(HttpMethod.Get, users), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{users}?role=agent&search=KIM&page_size=1"), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Head, users), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{users}?role=boss"), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{users}?page=99"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Bare(HttpMethod.Get, kimItem), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Head, kimItem), HttpStatusCode.OK);
        await ExpectAsync(client, Bare(HttpMethod.Get, $"{users}nobody/"), HttpStatusCode.NotFound);
        await ExpectAsync(client, Json(HttpMethod.Put, $"{kimItem}role", """{"role":"admin"}"""), HttpStatusCode.OK);
        await ExpectAsync(client, Json(HttpMethod.Put, $"{kimItem}role", """{"role":"agent"}"""), HttpStatusCode.Conflict); // the only stored admin
        await ExpectAsync(client, Json(HttpMethod.Put, $"{kimItem}role", """{"role":"boss"}"""), HttpStatusCode.UnprocessableEntity);
        await ExpectAsync(client, Json(HttpMethod.Put, $"{kimItem}role", """{"role": """), HttpStatusCode.BadRequest);
        await ExpectAsync(client, Json(HttpMethod.Put, $"{users}nobody/role", """{"role":"agent"}"""), HttpStatusCode.NotFound);
        await ExpectAsync(client, Bare(HttpMethod.Delete, kimItem), HttpStatusCode.Conflict);
        await ExpectAsync(client, Bare(HttpMethod.Delete, $"{users}nobody/"), HttpStatusCode.NotFound);

        // Every users route: 401 with a bad token, 403 for a requester.
        foreach (var headers in new[] { (Who: badToken, Status: HttpStatusCode.Unauthorized), (Who: dana, Status: HttpStatusCode.Forbidden) })
        {
            await ExpectAsync(client, Bare(HttpMethod.Get, users, headers.Who), headers.Status);
            await ExpectAsync(client, Json(HttpMethod.Post, users, """{"email":"lee@example.com"}""", headers: headers.Who), headers.Status);
            await ExpectAsync(client, Bare(HttpMethod.Get, kimItem, headers.Who), headers.Status);
            await ExpectAsync(client, Json(HttpMethod.Put, $"{kimItem}role", """{"role":"agent"}""", headers: headers.Who), headers.Status);
            await ExpectAsync(client, Bare(HttpMethod.Delete, kimItem, headers.Who), headers.Status);
        }
        await ExpectAsync(client, Bare(HttpMethod.Delete, $"{users}{(string)rita["id"]!}/"), HttpStatusCode.NoContent);
    }

    private static Task<string> ExpectAsync(HttpClient client, HttpRequestMessage request, HttpStatusCode status) =>
        TicketApiScenario.ExpectAsync(client, request, status);
}
