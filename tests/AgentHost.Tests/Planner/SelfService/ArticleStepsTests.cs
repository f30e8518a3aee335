using AgentHost.Chat.Planner.SelfService;
using TicketApi.KnowledgeBase.Starter;

namespace AgentHost.Tests.Planner.SelfService;

public class ArticleStepsTests
{
    [Fact]
    public void The_first_three_numbered_steps_are_taken_with_wrapped_lines_joined_and_markdown_marks_dropped()
    {
        const string body = "## Steps\n1. Open **Settings > Network**.\n2. Turn Wi-Fi off,\n   then on again.\n3. Run `ipconfig /renew`.\n4. Restart.\n";

        Assert.Equal(["Open Settings > Network.", "Turn Wi-Fi off, then on again.", "Run ipconfig /renew."], ArticleSteps.First(body));
    }

    [Fact]
    public void The_list_ends_at_the_first_line_that_is_not_a_step()
    {
        const string body = "## Steps\n1. Restart the laptop.\n\nIf that fails:\n2. Call us.";

        Assert.Equal(["Restart the laptop."], ArticleSteps.First(body));
    }

    [Fact]
    public void A_body_without_a_numbered_list_offers_no_steps() =>
        Assert.Empty(ArticleSteps.First("Contact the service desk."));

    [Fact]
    public void Every_starter_article_offers_three_steps_from_its_customer_safe_body()
    {
        foreach (var article in StarterArticleParser.LoadEmbedded())
        {
            var steps = ArticleSteps.First(article.Body);

            Assert.True(steps.Count == ArticleSteps.Offered, $"{article.Slug}: {steps.Count} steps");
            Assert.All(steps, step => Assert.Contains(step[..Math.Min(20, step.Length)], article.Body.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal), StringComparison.Ordinal));
        }
    }
}
