using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BrowserSupport;

/// <summary>
/// Waits for a page to reach an address and for that document to finish loading, in place of
/// <c>IPage.WaitForURLAsync</c>. Playwright .NET 1.64's WaitForURLAsync checks the frame's load states and only then
/// subscribes to the next one (Frame.WaitForLoadStateAsync), so a load event that arrives in between is missed and the
/// wait runs into its timeout although the page is there (microsoft/playwright-dotnet#3364, open; WaitUntil = Commit
/// does not avoid it, #3365). That is what failed two clean-clone CIs here, once in the knowledge-base editor and once
/// in DeskSite.SignInAsync (only "NetworkIdle event fired" in the log). Both steps here poll instead: the address
/// through Expect, the document's readyState inside the page, where an event cannot slip between a look and a
/// subscription.
/// </summary>
public static class PageAddress
{
    /// <summary>As long as a page's own default: only a guard against a hang (tests/AgentHost.Tests/Desk/DeskSite.cs).</summary>
    private const float Timeout = 45_000;

    /// <summary>Waits until the page's address matches <paramref name="address"/> and its document has loaded.</summary>
    public static async Task WaitForAddressAsync(this IPage page, Regex address)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page).ToHaveURLAsync(address, new() { Timeout = Timeout });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = Timeout });
    }

    /// <summary>Waits until the page's address is exactly <paramref name="address"/> and its document has loaded.</summary>
    public static Task WaitForAddressAsync(this IPage page, string address) =>
        page.WaitForAddressAsync(new Regex("^" + Regex.Escape(address) + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));

    /// <summary>Waits until the page's address contains <paramref name="part"/> and its document has loaded.</summary>
    public static Task WaitForAddressContainingAsync(this IPage page, string part) =>
        page.WaitForAddressAsync(new Regex(Regex.Escape(part), RegexOptions.None, TimeSpan.FromSeconds(1)));
}
