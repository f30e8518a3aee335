using System.Text.Json.Nodes;
using TicketApi.KnowledgeBase;
using TicketApi.KnowledgeBase.Starter;

namespace TicketApi.Tests.KnowledgeBase;

/// <summary>The starter set covers the common cases the design names, and the strict parser refuses a broken file with its name and reason.</summary>
public sealed class StarterArticleContentTests
{
    private static readonly IReadOnlyList<Article> Starter = StarterArticleParser.LoadEmbedded();

    [Fact]
    public void The_starter_set_covers_every_common_case_the_design_names()
    {
        string[] required =
        [
            "password-reset", "account-lockout", "mfa-new-phone", "vpn-drops", "vpn-wont-connect", "wifi-problems",
            "email-phone-sync", "shared-mailbox-access", "mailbox-full", "printer-jam", "printer-offline", "laptop-wont-boot",
            "battery-drain-swelling", "dock-external-monitors", "software-install-request", "licence-expired",
            "app-crashes-after-update", "payment-declined", "duplicate-charge", "invoice-copy", "refund-status",
        ];
        Assert.Empty(required.Except(Starter.Select(a => a.Slug)));
        Assert.Equal(Starter.Count, Starter.Select(a => a.Slug).Distinct().Count());
    }

    [Fact]
    public void Every_article_the_draft_evaluation_set_names_is_in_the_starter_set()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "AgentTickets.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found above the test folder.");
        }
        // Only the slugs are read (a link check): the set is blind, nothing here tunes to its tickets.
        var named = File.ReadLines(Path.Combine(root, "eval", "drafts", "blind-1.jsonl"))
            .Select(line => (string?)JsonNode.Parse(line)!["article"]).OfType<string>().Distinct();
        Assert.Empty(named.Except(Starter.Select(a => a.Slug)));
    }

    [Theory]
    [InlineData("slug: x\n---\n", "must start with a front matter")]
    [InlineData("---\nslug: x\ntitle: X\n", "not closed")]
    [InlineData("---\nslug: x\ntitle: X\ncategory: OTHER\ntags: [a]\nauthor: me\n---\n## Steps\nA\n\n## Internal notes\nB\n", "'author: me' is not one of")]
    [InlineData("---\nslug: x\ntitle: X\ncategory: OTHER\n---\n## Steps\nA\n\n## Internal notes\nB\n", "has no 'tags'")]
    [InlineData("---\nslug: x\ntitle: X\ncategory: OTHER\ntags: a, b\n---\n## Steps\nA\n\n## Internal notes\nB\n", "tags must be a list in brackets")]
    [InlineData("---\nslug: x\ntitle: X\ncategory: OTHER\ntags: [a]\n---\n## Steps\nA\n", "exactly one '## Internal notes' section")]
    [InlineData("---\nslug: x\ntitle: X\ncategory: PRINTERS\ntags: [a]\n---\n## Steps\nA\n\n## Internal notes\nB\n", "category: Invalid category 'PRINTERS'")]
    [InlineData("---\nslug: X Y\ntitle: X\ncategory: OTHER\ntags: [a]\n---\n## Steps\nA\n\n## Internal notes\nB\n", "slug:")]
    [InlineData("---\nslug: x\ntitle: X\ncategory: OTHER\ntags: [a]\n---\n## Steps\nA\n\n## Internal notes\n\n", "internal notes section is empty")]
    public void A_broken_starter_file_is_refused_with_its_name_and_reason(string text, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => StarterArticleParser.Parse("99-broken.md", text));
        Assert.StartsWith("Starter article 99-broken.md cannot be read:", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_file_splits_into_body_and_internal_notes()
    {
        var article = StarterArticleParser.Parse("01-x.md",
            "---\r\nslug: toner-low\r\ntitle: Toner low\r\ncategory: HARDWARE\r\ntags: [toner, printer]\r\n---\r\n## Steps\r\n1. Shake the cartridge.\r\n\r\n## Internal notes\r\n- Order from the vendor.\r\n");
        Assert.Equal(("toner-low", "Toner low", "HARDWARE"), (article.Slug, article.Title, article.Category));
        Assert.Equal(["toner", "printer"], article.Tags);
        Assert.Equal("## Steps\n1. Shake the cartridge.", article.Body);
        Assert.Equal("- Order from the vendor.", article.InternalNotes);
    }
}
