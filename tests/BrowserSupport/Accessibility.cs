using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace BrowserSupport;

/// <summary>
/// axe-core (vendored, vendor/README.md) run inside a page: the WCAG rules a screen-reader or keyboard user would
/// trip over. Serious and critical violations fail the test, with each rule, its help text and the elements.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> Script = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vendor", "axe.min.js")));

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        var violations = json.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{page.Url} has accessibility violations:\n" + string.Join("\n", violations));
    }
}
