using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketApi.OpenApi;

namespace TicketApi.Accounts.OpenApi;

/// <summary>
/// What Identity's endpoints (<c>MapIdentityApi</c>) do not say of themselves, and the problem schemas of <c>/api/account/me</c>
/// and <c>/api/users/</c> (docs/accounts.md, "Credentials" and "Users"): an operation id, a summary, every answer the
/// desk really gives (a malformed body's 400, the 401 of a missing or bad credential, 403 for registration turned
/// off) and examples. The sign-in routes need no credential, which their security requirement says.
/// </summary>
public sealed class AccountOperations : IOpenApiOperationTransformer
{
    /// <param name="Problems">The refusals the route really gives; any other 4xx Identity declares is removed (it cannot occur).</param>
    private sealed record Described(string Id, string Summary, bool Open, string[] Problems, JsonObject? Example = null);

    private static readonly JsonObject Credentials = new() { ["email"] = "dana@example.com", ["password"] = "Correct-Horse-9-battery" };

    private const string NoMail = " The desk sends no account mail yet, so no code reaches anyone.";

    private static readonly Dictionary<string, Described> Identity = new(StringComparer.Ordinal)
    {
        ["POST api/account/register"] = new("Register", "Register as a requester with an email and a password; 403 when registration is turned off (AUTH_ALLOW_REGISTRATION=false).",
            Open: true, ["400", "403"], Credentials),
        ["POST api/account/login"] = new("Login", "Sign in: a bearer token and a refresh token, or a sign-in cookie with useCookies=true.",
            Open: true, ["400", "401"], Credentials),
        ["POST api/account/refresh"] = new("RefreshToken", "Exchange a refresh token for a new bearer token; 401 when it is expired, unknown or its person changed their password.",
            Open: true, ["400", "401"], new JsonObject { ["refreshToken"] = "CfDJ8..." }),
        ["GET api/account/confirmEmail"] = new("ConfirmEmail", "Confirm an email address with the code from a confirmation mail." + NoMail, Open: true, ["401"]),
        ["POST api/account/resendConfirmationEmail"] = new("ResendConfirmationEmail", "Ask for the confirmation mail again; 200 whether or not the address is known." + NoMail,
            Open: true, ["400"], new JsonObject { ["email"] = "dana@example.com" }),
        ["POST api/account/forgotPassword"] = new("ForgotPassword", "Ask for a password reset code; 200 whether or not the address is known." + NoMail,
            Open: true, ["400"], new JsonObject { ["email"] = "dana@example.com" }),
        ["POST api/account/resetPassword"] = new("ResetPassword", "Set a new password with a reset code; 400 for a wrong code." + NoMail,
            Open: true, ["400"], new JsonObject { ["email"] = "dana@example.com", ["resetCode"] = "CfDJ8...", ["newPassword"] = "Another-Horse-7-battery" }),
        ["POST api/account/manage/2fa"] = new("ManageTwoFactor", "Two-factor sign-in of the person signed in: its state, or turn it on or off; 404 for the local admin, who is no stored person.",
            Open: false, ["400", "401", "404"], new JsonObject()),
        ["GET api/account/manage/info"] = new("GetAccountInfo", "The email of the person signed in and whether it is confirmed; 404 for the local admin, who is no stored person.",
            Open: false, ["401", "404"]),
        ["POST api/account/manage/info"] = new("UpdateAccountInfo", "Change the password (newPassword with oldPassword) or the email of the person signed in; 404 for the local admin.",
            Open: false, ["400", "401", "404"], new JsonObject { ["oldPassword"] = "YSeJ3-dvxkv-nCxa2-mGFo8", ["newPassword"] = "Another-Horse-7-battery" }),
    };

    private static readonly Dictionary<string, string> ProblemDescriptions = new()
    {
        ["400"] = "A malformed body or query, or values Identity refuses (errors names each).",
        ["401"] = "No credential where one is needed, or a bad or expired one (WWW-Authenticate: Bearer).",
        ["403"] = "The credential's person or scope may not do this (users: admins only; register: registration is turned off).",
        ["404"] = "No such person (or, under /api/account/manage, the caller is the local admin, who is no stored person); or a page past the last.",
        ["409"] = "The change would leave the desk without an admin, or the email is taken.",
        ["422"] = "An unknown role, or values Identity refuses for a person (errors names each).",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document!;
        var path = context.Description.RelativePath?.Split('?')[0].TrimEnd('/') ?? "";
        if (Identity.TryGetValue($"{context.Description.HttpMethod} {path}", out var described))
        {
            operation.OperationId = described.Id;
            operation.Summary = described.Summary;
            operation.Responses ??= [];
            foreach (var status in operation.Responses.Keys.Where(status => status.StartsWith('4') && !described.Problems.Contains(status)).ToList())
            {
                operation.Responses.Remove(status);
            }
            // Identity declares some refusals with no body (404) or not at all (401); the status code pages give each a problem body.
            foreach (var status in described.Problems)
            {
                if (!operation.Responses.TryGetValue(status, out var existing) || existing is not OpenApiResponse response)
                {
                    response = new OpenApiResponse { Description = status };
                    operation.Responses[status] = response;
                }
                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content.TryAdd("application/problem+json", new OpenApiMediaType());
            }
            if (described.Open)
            {
                operation.Security = [new OpenApiSecurityRequirement()];
            }
            if (described.Example is { } example && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = example.DeepClone();
            }
        }
        else if (!path.StartsWith("api/users", StringComparison.Ordinal) && path != "api/account/me")
        {
            return Task.CompletedTask;
        }
        Examples(operation);
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is OpenApiResponse { Content: { } content } && content.TryGetValue("application/problem+json", out var problem))
            {
                problem.Schema = TicketSchemas.Ref(document, status == "422" ? TicketSchemas.ValidationProblem : TicketSchemas.Problem);
                response.Description = ProblemDescriptions.TryGetValue(status, out var text) ? text : response.Description;
            }
        }
        return Task.CompletedTask;
    }

    private static void Examples(OpenApiOperation operation)
    {
        JsonObject? body = operation.OperationId switch
        {
            "CreateUser" => new JsonObject { ["email"] = "kim@example.com", ["role"] = "agent" },
            "SetUserRole" => new JsonObject { ["role"] = "agent" },
            _ => null,
        };
        if (body is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = body;
        }
        if (operation.Parameters?.FirstOrDefault(parameter => parameter.Name == "id") is OpenApiParameter id)
        {
            id.Description = "The person's id (from GET /api/users/).";
            id.Example = "94253bc8-3355-4de0-8ccd-33b5850b3e7d";
        }
    }
}

/// <summary>
/// The credential the document's operations take: Identity's bearer token (or an API key) in <c>Authorization: Bearer</c>.
/// Optional as a whole (the empty requirement), because in local mode a request without it acts as the local admin.
/// </summary>
public sealed class AccountSecurityScheme : IOpenApiDocumentTransformer
{
    public const string Bearer = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken of POST /api/account/login (or an API key). Needed in required mode; in local mode a request without it acts as the local admin (docs/accounts.md).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }, new OpenApiSecurityRequirement()];
        return Task.CompletedTask;
    }
}
