using System.Text.RegularExpressions;
using AgentHost.Tests.Support;
using AgentTickets.Testing;
using BrowserSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketApi.Accounts;

namespace AgentHost.Tests.Desk;

/// <summary>
/// The agent host on a loopback port, with the web desk, for a real Chromium (tests/BrowserSupport): in local mode
/// (the quick start: nobody signs in, the browser acts as the local admin) or with accounts required, where
/// <see cref="SignInAsync"/> makes a person and signs a fresh browser context in through the sign-in page itself.
/// </summary>
public sealed class DeskSite : IAsyncDisposable
{
    private readonly ChromiumFixture _chromium;
    private readonly List<IBrowserContext> _contexts = [];

    private DeskSite(ChromiumFixture chromium, AgentHostFactory host)
    {
        _chromium = chromium;
        Host = host;
        Origin = host.ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority);
    }

    public AgentHostFactory Host { get; }

    /// <summary>http://127.0.0.1:port, no trailing slash.</summary>
    public string Origin { get; }

    /// <summary>A phone's viewport (CSS pixels of a common small phone).</summary>
    public static ViewportSize Phone { get; } = new() { Width = 390, Height = 844 };

    public static DeskSite Start(ChromiumFixture chromium, bool accountsRequired = false, IChatClient? provider = null,
        Action<IServiceCollection>? services = null, Dictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        var host = new AgentHostFactory
        {
            OverLoopback = true,
            Provider = provider,
            Environment = environment ?? [],
            ConfigureServices = s =>
            {
                if (accountsRequired)
                {
                    s.AddSingleton(new AccountSettings { Mode = AuthMode.Required });
                }
                services?.Invoke(s);
            },
        }.Started();
        return new DeskSite(chromium, host);
    }

    /// <summary>A page in a fresh browser context (no cookies), at <paramref name="viewport"/> when given.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 } });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        // Generous: only against a hang. A CI machine at load 40 once needed more than 15 s for one click.
        page.SetDefaultTimeout(45_000);
        return page;
    }

    /// <summary>Makes <paramref name="email"/> with <paramref name="role"/> and signs a fresh page in through /signin.</summary>
    public async Task<IPage> SignInAsync(string email, string role, ViewportSize? viewport = null)
    {
        await TestAccounts.CreateUserAsync(Host.Services, email, role);
        var page = await NewPageAsync(viewport);
        await page.GotoAsync(Origin + "/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForAddressAsync(new Regex("^(?!.*/signin)", RegexOptions.None, TimeSpan.FromSeconds(1)));
        return page;
    }

    /// <summary>A REST client signed in as a new person (bearer token), for arranging data around the browser.</summary>
    public Task<HttpClient> ClientAsAsync(string email, string role) => TestAccounts.SignInAsync(Host, email, role);

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        Host.Dispose();
    }
}
