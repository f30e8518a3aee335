using Microsoft.Playwright;
using Xunit;

namespace BrowserSupport;

/// <summary>
/// One headless Chromium per test class (xunit class fixture), driven by Playwright. Playwright's node driver
/// ships inside its NuGet package and is copied next to the test assembly, so <c>dotnet test</c> needs no install
/// step; the browser is Debian's <c>chromium</c> (Playwright cannot download its own here), found at
/// <c>CHROMIUM_PATH</c> or <c>/usr/bin/chromium</c>. Every <c>*.test</c> host name resolves to 127.0.0.1 inside
/// this browser, so tests can serve pages from distinct origins (<c>http://evil.test:port</c>) on this machine.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string PathVariable = "CHROMIUM_PATH";

    public const string DefaultPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    /// <summary>The Chromium to launch, or an exception that says how to get one.</summary>
    public static string FindExecutable() => FindExecutable(Environment.GetEnvironmentVariable(PathVariable));

    /// <summary>The Chromium at <paramref name="configured"/> (or the default path when empty), or an exception that says how to get one.</summary>
    public static string FindExecutable(string? configured)
    {
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        return File.Exists(path) ? path : throw new InvalidOperationException(
            $"Chromium was not found at {path}. The browser tests need a real Chromium: run tests/run.sh (it installs " +
            $"Debian's chromium), or apt-get install chromium, or set {PathVariable} to a Chromium executable.");
    }

    public async Task InitializeAsync()
    {
        var executable = FindExecutable();
        // Expect's 5 s default is a hang guard that a shared 2-core machine at load 40 outruns; it only waits longer, never passes more.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--host-resolver-rules=MAP *.test 127.0.0.1", "--no-sandbox"],
        });
    }

    /// <summary>A fresh page in a fresh context (no shared cookies or cache between tests).</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync();
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
