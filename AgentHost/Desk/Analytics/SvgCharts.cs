using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace AgentHost.Desk.Analytics;

/// <summary>One named line of a line chart: a value per point.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<long> Values, string CssClass);

/// <summary>
/// Charts drawn on the server as inline SVG (docs/desk.md): readable with JavaScript off, scaled by their viewBox to
/// the page's width, each with <c>role="img"</c> and an <c>aria-label</c> that says every number, and the same
/// numbers in a table inside <c>details</c> for anyone who reads tables rather than pictures.
/// </summary>
public static class SvgCharts
{
    private const int Width = 640;
    private const int Height = 240;
    private const int Left = 44;
    private const int Bottom = 40;
    private const int Top = 12;

    public static IHtmlContent Bars(string id, string title, IReadOnlyList<KeyValuePair<string, long>> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var svg = new StringBuilder();
        Axis(svg, max);
        var slot = (Width - Left - 8) / (double)Math.Max(1, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = (bars[i].Key, bars[i].Value);
            var h = (Height - Top - Bottom) * value / (double)max;
            var x = Left + i * slot + slot * 0.15;
            svg.Append(Inv($"<rect class=\"bar\" x=\"{x:0.#}\" y=\"{Height - Bottom - h:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\"></rect>"));
            svg.Append(Inv($"<text class=\"value\" x=\"{x + slot * 0.35:0.#}\" y=\"{Height - Bottom - h - 3:0.#}\" text-anchor=\"middle\">{value}</text>"));
            svg.Append(Inv($"<text class=\"label\" x=\"{x + slot * 0.35:0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{E(label)}</text>"));
        }
        var summary = $"{title}: " + string.Join(", ", bars.Select(b => Inv($"{b.Key} {b.Value}")));
        return Figure(id, title, summary, svg.ToString(), ["", "count"], bars.Select(b => new[] { b.Key, Inv($"{b.Value}") }));
    }

    public static IHtmlContent Lines(string id, string title, IReadOnlyList<string> points, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(series);
        var max = Math.Max(1, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder();
        Axis(svg, max);
        var step = (Width - Left - 8) / (double)Math.Max(1, points.Count - 1);
        double X(int i) => Left + (points.Count == 1 ? (Width - Left - 8) / 2.0 : i * step);
        double Y(long v) => Height - Bottom - (Height - Top - Bottom) * v / (double)max;
        foreach (var line in series)
        {
            var path = string.Join(" ", line.Values.Select((v, i) => Inv($"{X(i):0.#},{Y(v):0.#}")));
            svg.Append(Inv($"<polyline class=\"line {line.CssClass}\" points=\"{path}\"></polyline>"));
        }
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 8.0));
        for (var i = 0; i < points.Count; i += every)
        {
            svg.Append(Inv($"<text class=\"label\" x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{E(points[i])}</text>"));
        }
        var legend = Left;
        foreach (var line in series)
        {
            svg.Append(Inv($"<rect class=\"key {line.CssClass}\" x=\"{legend}\" y=\"{Height - 14}\" width=\"12\" height=\"4\"></rect>"));
            svg.Append(Inv($"<text class=\"label\" x=\"{legend + 16}\" y=\"{Height - 9}\">{E(line.Name)}</text>"));
            legend += 24 + line.Name.Length * 8;
        }
        var summary = $"{title}: " + string.Join("; ", series.Select(s => $"{s.Name} " + string.Join(", ", s.Values.Select((v, i) => Inv($"{points[i]} {v}")))));
        return Figure(id, title, summary, svg.ToString(), ["day", .. series.Select(s => s.Name)],
            points.Select((p, i) => new[] { p }.Concat(series.Select(s => Inv($"{s.Values[i]}"))).ToArray()));
    }

    private static void Axis(StringBuilder svg, long max)
    {
        svg.Append(Inv($"<line class=\"axis\" x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 4}\" y2=\"{Height - Bottom}\"></line>"));
        svg.Append(Inv($"<line class=\"axis\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\"></line>"));
        svg.Append(Inv($"<text class=\"label\" x=\"{Left - 6}\" y=\"{Top + 10}\" text-anchor=\"end\">{max}</text>"));
        svg.Append(Inv($"<text class=\"label\" x=\"{Left - 6}\" y=\"{Height - Bottom}\" text-anchor=\"end\">0</text>"));
    }

    private static HtmlString Figure(string id, string title, string summary, string body, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var html = new StringBuilder();
        html.Append(Inv($"<figure class=\"chart\" id=\"{E(id)}\"><figcaption>{E(title)}</figcaption>"));
        html.Append(Inv($"<svg role=\"img\" aria-label=\"{E(summary)}\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\">"));
        html.Append(body).Append("</svg>");
        html.Append("<details><summary>Numbers</summary><div class=\"table-wrap\"><table><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(row[0])).Append("</th>");
            foreach (var cell in row.Skip(1))
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div></details></figure>");
        return new HtmlString(html.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
