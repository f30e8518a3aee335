using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Accounts;

namespace AgentHost.Desk.Account;

/// <summary>
/// Self-registration as <c>/api/account/register</c> does it: a requester, Identity's password rules, refused when
/// <c>AUTH_ALLOW_REGISTRATION=false</c>. The new person is signed in at once; their address is unconfirmed, so it
/// vouches for nothing (docs/accounts.md, "Vouched addresses").
/// </summary>
public sealed class RegisterModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, AccountSettings settings) : PageModel
{
    public bool CanRegister => settings.AllowRegistration;

    public string? Email { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public IActionResult OnGet() => CanRegister ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public async Task<IActionResult> OnPostAsync(string? email, string? password)
    {
        if (!CanRegister)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Email = email?.Trim();
        if (string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(password))
        {
            Errors = ["Enter an email and a password."];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var person = new IdentityUser { UserName = Email, Email = Email };
        var created = await users.CreateAsync(person, password);
        if (!created.Succeeded)
        {
            Errors = [.. created.Errors.Select(e => e.Description)];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await signIn.SignInAsync(person, isPersistent: true);
        return LocalRedirect("/help");
    }
}
