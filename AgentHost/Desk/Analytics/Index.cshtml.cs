using Microsoft.AspNetCore.Mvc.RazorPages;
using TicketApi.Analytics;

namespace AgentHost.Desk.Analytics;

/// <summary>
/// The analytics page (docs/analytics.md, docs/desk.md): the figures of <c>/api/analytics/</c> for the period in the
/// query, read through the same <see cref="AnalyticsStore"/> and period rules as the API.
/// </summary>
public sealed class IndexModel(AnalyticsStore store, TimeProvider clock) : PageModel
{
    public AnalyticsReport? Report { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string From => Report?.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? Request.Query[AnalyticsPeriod.FromKey].ToString();

    public string To => Report?.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? Request.Query[AnalyticsPeriod.ToKey].ToString();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (period, errors) = AnalyticsPeriod.Parse(Request.Query, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (period is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Report = await store.ReadAsync(period, cancellationToken);
    }

    /// <summary>A duration as people read it: seconds, minutes, hours or days.</summary>
    public static string Duration(double? seconds) => seconds switch
    {
        null => "no data",
        < 90 => $"{seconds:0} s",
        < 5400 => $"{seconds / 60:0} min",
        < 172800 => $"{seconds / 3600:0.#} h",
        _ => $"{seconds / 86400:0.#} days",
    };
}
