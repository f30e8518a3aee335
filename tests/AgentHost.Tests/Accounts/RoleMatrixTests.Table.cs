using AgentTickets.Testing;

namespace AgentHost.Tests.Accounts;

/// <summary>The matrix itself: one row per route or desk page, with what each of the five callers must get.</summary>
public sealed partial class RoleMatrixTests
{
    private const string McpInitialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"matrix","version":"1"}}}""";

    private static readonly Row[] Table =
    [
        // Open to everyone.
        new(["GET", "HEAD"], "/health", Plain, Ok, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/register", (m, p) => Send(m, p, $$"""{"email":"new{{Unique()}}@example.com","password":"{{TestAccounts.Password}}"}"""), Ok, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/login", Body($$"""{"email":"dana@example.com","password":"{{TestAccounts.Password}}"}"""), Ok, Ok, Ok, Ok, Ok),
        // Identity answers a bad refresh token or confirmation link itself, for everyone alike.
        new(["POST"], "/api/account/refresh", Body("""{"refreshToken":"not-a-token"}"""), No, No, No, No, No),
        new(["GET"], "/api/account/confirmEmail", (m, p) => Send(m, p + "?userId=nobody&code=bad"), No, No, No, No, No),
        new(["POST"], "/api/account/resendConfirmationEmail", Body("""{"email":"nobody@example.com"}"""), Ok, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/forgotPassword", Body("""{"email":"nobody@example.com"}"""), Ok, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/resetPassword", Body("""{"email":"nobody@example.com","resetCode":"bad","newPassword":"Another-9-password"}"""), Expect.Is(400), Expect.Is(400), Expect.Is(400), Expect.Is(400), Expect.Is(400)),

        // Anyone signed in.
        new(["GET"], "/api/account/manage/info", Plain, No, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/manage/info", Body("{}"), No, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/account/manage/2fa", Body("{}"), No, Ok, Ok, Ok, Ok),
        new(["GET", "HEAD"], "/openapi/{documentName}.json", (m, _) => Send(m, "/openapi/v1.json"), No, Ok, Ok, Ok, Ok),
        new(["GET"], "/chat/", (m, p) => Send(m, p + "?message=hello"), No, Ok, Ok, Ok, Ok),
        new(["HEAD"], "/chat", (m, p) => Send(m, p + "?message=hello"), No, Ok, Ok, Ok, Ok),
        new(["POST"], "/chat/", Body("""{"message":"hello"}"""), No, Ok, Ok, Ok, Ok),
        new(["GET", "HEAD"], "/chat/sessions/{id}", (m, _) => Send(m, $"/chat/sessions/{Guid.NewGuid():N}"), No, Hidden, Hidden, Hidden, Hidden),
        new(["POST"], "/mcp/", (m, p) => Send(m, p, McpInitialize, "application/json, text/event-stream"), No, Ok, Ok, Ok, Ok),
        new(["GET"], "/mcp/", (m, p) => Send(m, p, accept: "text/event-stream"), No, In, In, In, In),
        new(["DELETE"], "/mcp/", Plain, No, In, In, In, In),

        new(["GET"], "/api/account/me", Plain, No, Ok, Ok, Ok, Ok),
        // The MCP resource metadata (RFC 9728) and the emailed rating link, whose signed token is its own credential.
        new(["GET"], "/.well-known/oauth-protected-resource", Plain, Ok, Ok, Ok, Ok, Ok),
        new(["GET"], "/.well-known/oauth-protected-resource/mcp", Plain, Ok, Ok, Ok, Ok, Ok),
        new(["GET"], "/rate/{token}", (m, _) => Send(m, "/rate/not-a-token"), In, In, In, In, In),
        new(["POST"], "/rate/{token}", (m, _) => Send(m, "/rate/not-a-token"), In, In, In, In, In),
        // Live events: everyone signed in, each seeing only what they may (EventStreamTests).
        new(["GET"], "/api/events", Plain, No, Ok, Ok, Ok, Ok),
        // API keys: everyone signed in manages their own ({id} here is no key of theirs).
        new(["POST"], "/api/keys/", Body("""{"name":"matrix","scopes":["read"]}"""), No, Ok, Ok, Ok, Ok),
        new(["GET", "HEAD"], "/api/keys/", Plain, No, Ok, Ok, Ok, Ok),
        new(["DELETE"], "/api/keys/{id}/", Plain, No, In, In, In, In),
        // People and roles: admins only ({id} here is no person).
        new(["GET", "HEAD"], "/api/users/", Plain, No, Refused, Refused, Refused, Ok),
        new(["POST"], "/api/users/", (m, p) => Send(m, p, $$"""{"email":"made{{Unique()}}@example.com","role":"agent"}"""), No, Refused, Refused, Refused, Ok),
        new(["GET", "HEAD"], "/api/users/{id}/", Plain, No, Refused, Refused, Refused, In),
        new(["PUT"], "/api/users/{id}/role", Body("""{"role":"agent"}"""), No, Refused, Refused, Refused, In),
        new(["DELETE"], "/api/users/{id}/", Plain, No, Refused, Refused, Refused, In),
        // The audit trail: a ticket's history for staff, the whole log for admins.
        new(["GET", "HEAD"], "/api/tickets/{id}/history/", Plain, No, Refused, Refused, Ok, Ok),
        new(["GET", "HEAD"], "/api/audit/", Plain, No, Refused, Refused, Refused, Ok),
        // Assignment is the staff's; rating is the requester's own, and only once the ticket is resolved (409 here).
        new(["PUT"], "/api/tickets/{id}/assignee/", Body("""{"assignee":"me"}"""), No, Refused, Refused, Ok, Ok),
        new(["POST"], "/api/tickets/{id}/rating/", Body("""{"score":5}"""), No, Expect.Is(409), Hidden, Refused, Refused),
        new(["GET", "HEAD"], "/api/ratings/summary", Plain, No, Refused, Refused, Ok, Ok),
        // Analytics: the figures are the staff's; recounting them is an admin's.
        new(["GET", "HEAD"], "/api/analytics/", Plain, No, Refused, Refused, Ok, Ok),
        new(["POST"], "/api/analytics/rebuild", Plain, No, Refused, Refused, Refused, Ok),

        // Tickets: a requester's own only; someone else's is missing to them; changes are the staff's.
        new(["GET", "HEAD"], "/api/tickets/", Plain, No, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/tickets/", Body("""{"title":"Matrix ticket"}"""), No, Ok, Ok, Ok, Ok),
        new(["GET", "HEAD"], "/api/tickets/{id}/", Plain, No, Ok, Hidden, Ok, Ok),
        new(["PUT"], "/api/tickets/{id}/", Body("""{"title":"Renamed","description":"","resolution_status":"OPEN"}"""), No, Refused, Refused, Ok, Ok),
        new(["PATCH"], "/api/tickets/{id}/", Body("""{"title":"Renamed"}"""), No, Refused, Refused, Ok, Ok),
        new(["DELETE"], "/api/tickets/{id}/", Plain, No, Refused, Refused, Ok, Ok),
        new(["POST"], "/api/tickets/{id}/triage/", Plain, No, Refused, Refused, Ok, Ok),
        new(["POST"], "/api/tickets/triage/", Plain, No, Refused, Refused, Ok, Ok),
        new(["GET", "HEAD"], "/api/tickets/{id}/messages/", Plain, No, Ok, Hidden, Ok, Ok),
        new(["POST"], "/api/tickets/{id}/messages/", Body("""{"kind":"customer","body":"Still broken."}"""), No, Ok, Hidden, Ok, Ok),

        // Drafts and mail: staff only, whoever's ticket it is.
        new(["GET", "HEAD"], "/api/tickets/{id}/draft", Plain, No, Refused, Refused, In, In),
        new(["POST"], "/api/tickets/{id}/draft", Body("{}"), No, Refused, Refused, Ok, Ok),
        new(["PUT"], "/api/tickets/{id}/draft", Body("""{"reply":"Hello","tech_instructions":"Check the relay."}"""), No, Refused, Refused, In, In),
        new(["DELETE"], "/api/tickets/{id}/draft", Plain, No, Refused, Refused, In, In),
        new(["POST"], "/api/tickets/{id}/draft/send", Body("""{"resolve":false}"""), No, Refused, Refused, In, In),
        new(["GET", "HEAD"], "/api/tickets/{id}/drafts/", Plain, No, Refused, Refused, Ok, Ok),
        new(["GET", "HEAD"], "/api/outbox/", Plain, No, Refused, Refused, Ok, Ok),

        // The knowledge base: everyone signed in reads (a requester without internal notes); staff write.
        new(["GET", "HEAD"], "/api/articles/", Plain, No, Ok, Ok, Ok, Ok),
        new(["POST"], "/api/articles/", (m, p) => Send(m, p, $$"""{"title":"Matrix article {{Unique()}}","category":"OTHER","body":"1. Restart."}"""), No, Refused, Refused, Ok, Ok),
        new(["GET", "HEAD"], "/api/articles/{id}/", Plain, No, Ok, Ok, Ok, Ok),
        new(["PATCH"], "/api/articles/{id}/", Body("""{"body":"1. Restart twice."}"""), No, Refused, Refused, Ok, Ok),
        new(["DELETE"], "/api/articles/{id}/", Plain, No, Refused, Refused, Ok, Ok),

        // The web desk's pages (docs/desk.md, "Pages and access"), asked as a program would (JSON), so a refusal is
        // the API's 401/403 rather than the browser's redirect to sign-in (DeskShellTests). "/" sends each to their start.
        new(["*"], "", Page, No, Expect.Is(302), Expect.Is(302), Expect.Is(302), Expect.Is(302)),
        new(["*"], "signin", Page, Ok, Ok, Ok, Ok, Ok),
        new(["*"], "register", Page, Ok, Ok, Ok, Ok, Ok),
        new(["*"], "signout", Page, Expect.Is(302), Expect.Is(302), Expect.Is(302), Expect.Is(302), Expect.Is(302)),
        new(["*"], "forbidden", Page, Refused, Refused, Refused, Refused, Refused),
        new(["*"], "help", Page, No, Ok, Ok, Ok, Ok),
        new(["*"], "my", Page, No, Ok, Ok, Ok, Ok),
        new(["*"], "my/{id:long}", Page, No, Ok, Hidden, Ok, Ok),
        new(["*"], "queue", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "tickets/{id:long}", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "kb", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "kb/{id:long}", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "kb/new", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "analytics", Page, No, Refused, Refused, Ok, Ok),
        new(["*"], "admin/users", Page, No, Refused, Refused, Refused, Ok),
        new(["*"], "admin/keys", Page, No, Refused, Refused, Refused, Ok),
    ];
}
