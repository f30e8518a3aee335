using Microsoft.Extensions.Configuration;
using TicketApi.Channels.Freshdesk;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Channels.Freshdesk;

/// <summary>The connector's settings (docs/channels.md, "Freshdesk connector: settings"): a wrong value stops the start, naming it.</summary>
public sealed class FreshdeskSettingsTests
{
    private static FreshdeskSettings? Read(params (string Name, string Value)[] values) =>
        FreshdeskSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value))).Build());

    [Fact]
    public void Without_a_domain_the_connector_is_off()
    {
        Assert.Null(Read(("FRESHDESK_API_KEY", "k")));
    }

    [Fact]
    public void A_bare_account_name_means_its_freshdesk_com_host_and_the_defaults_are_the_issues()
    {
        var settings = Read(("FRESHDESK_DOMAIN", "acme"), ("FRESHDESK_API_KEY", "k"))!;
        Assert.Equal(new Uri("https://acme.freshdesk.com/"), settings.BaseAddress);
        Assert.Equal(10, settings.TicketLimit);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.RateLimitDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.RetryDelay);
        Assert.Equal(5, settings.MaxRetries);
    }

    [Theory]
    [InlineData("acme.freshdesk.com/api", "FRESHDESK_DOMAIN must be an account name")]
    [InlineData("ftp://acme.freshdesk.com/", "FRESHDESK_DOMAIN must be an account name")]
    [InlineData("acme corp", "FRESHDESK_DOMAIN must be an account name")]
    public void A_bad_domain_is_refused_naming_the_setting(string domain, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("FRESHDESK_DOMAIN", domain), ("FRESHDESK_API_KEY", "k")));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FRESHDESK_RATE_LIMIT_DELAY", "-1", "FRESHDESK_RATE_LIMIT_DELAY must be a number of seconds from 0 up to 86400, not '-1'.")]
    [InlineData("FRESHDESK_RETRY_DELAY", "-0.5", "FRESHDESK_RETRY_DELAY must be a number of seconds from 0 up to 86400, not '-0.5'.")]
    [InlineData("FRESHDESK_POLL_SECONDS", "0", "FRESHDESK_POLL_SECONDS must be a number of seconds above 0 up to 86400, not '0'.")]
    [InlineData("FRESHDESK_MAX_RETRIES", "-3", "FRESHDESK_MAX_RETRIES must be a whole number from 0 to 1000, not '-3'.")]
    [InlineData("FRESHDESK_TICKET_LIMIT", "0", "FRESHDESK_TICKET_LIMIT must be a whole number from 1 to 1000, not '0'.")]
    [InlineData("FRESHDESK_SINCE", "yesterday", "FRESHDESK_SINCE must be an ISO-8601 time such as 2025-01-01T00:00:00Z, not 'yesterday'.")]
    public void A_bad_number_is_refused_naming_the_setting(string name, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("FRESHDESK_DOMAIN", "acme"), ("FRESHDESK_API_KEY", "k"), (name, value)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_domain_without_a_key_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("FRESHDESK_DOMAIN", "acme")));
        Assert.Contains("FRESHDESK_API_KEY is not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_does_not_start_with_a_negative_delay_and_says_which()
    {
        using var root = new TicketApiFactory(SqliteStore.Instance);
        using var factory = root.WithWebHostBuilder(builder => builder
            .UseSetting("FRESHDESK_DOMAIN", "acme")
            .UseSetting("FRESHDESK_API_KEY", "k")
            .UseSetting("FRESHDESK_RETRY_DELAY", "-5"));
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("FRESHDESK_RETRY_DELAY", error.Message, StringComparison.Ordinal);
    }
}
