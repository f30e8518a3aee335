using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using TicketApi.Mail;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Mail;

/// <summary>The SMTP settings (docs/mail.md, "Settings"): defaults, and a wrong value stops the start with a message naming it.</summary>
public sealed class MailSettingsTests
{
    private static MailSettings Read(params (string Name, string Value)[] values) =>
        MailSettings.FromConfiguration(new ConfigurationBuilder()
            // A later value of the same name wins, as a later configuration source would.
            .AddInMemoryCollection(values.GroupBy(v => v.Name).Select(g => new KeyValuePair<string, string?>(g.Key, g.Last().Value)))
            .Build());

    [Fact]
    public void Without_SMTP_HOST_sending_is_off_and_the_defaults_hold()
    {
        var settings = Read();

        Assert.False(settings.SendingEnabled);
        Assert.Equal(8, settings.MaxAttempts);
        Assert.Equal(MailSettings.FallbackDomain, settings.Domain);
    }

    [Theory]
    [InlineData("none", 25)]
    [InlineData("starttls", 587)]
    [InlineData("tls", 465)]
    public void The_port_defaults_by_security(string security, int port)
    {
        var settings = Read(("SMTP_HOST", "smtp.example.com"), ("SMTP_FROM", "Help <help@example.com>"), ("SMTP_SECURITY", security));

        Assert.Equal(port, settings.Port);
        Assert.Equal("example.com", settings.Domain);
    }

    [Theory]
    [InlineData("SMTP_SECURITY", "ssl", "SMTP_SECURITY 'ssl' is not one of none, starttls, tls.")]
    [InlineData("SMTP_PORT", "70000", "SMTP_PORT '70000' is not a port number (1-65535).")]
    [InlineData("SMTP_FROM", "not an address", "SMTP_FROM 'not an address' is not an email address")]
    [InlineData("SMTP_MAX_ATTEMPTS", "0", "SMTP_MAX_ATTEMPTS '0' is not a whole number from 1 to 100.")]
    [InlineData("OUTBOX_LEASE_SECONDS", "10", "OUTBOX_LEASE_SECONDS (10) must be longer than SMTP_TIMEOUT_SECONDS (30)")]
    [InlineData("SMTP_USERNAME", "desk", "SMTP_USERNAME and SMTP_PASSWORD go together")]
    [InlineData("OUTBOX_POLL_SECONDS", "soon", "OUTBOX_POLL_SECONDS 'soon' is not a number of seconds")]
    public void A_wrong_setting_is_refused_with_its_name(string name, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("SMTP_HOST", "smtp.example.com"), ("SMTP_FROM", "help@example.com"), (name, value)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SMTP_HOST_without_SMTP_FROM_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("SMTP_HOST", "smtp.example.com")));

        Assert.Contains("SMTP_HOST is set but SMTP_FROM is not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_is_never_sent_without_tls()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(
            ("SMTP_HOST", "smtp.example.com"), ("SMTP_FROM", "help@example.com"), ("SMTP_USERNAME", "desk"), ("SMTP_PASSWORD", "secret")));

        Assert.Contains("a password is not sent in clear text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_does_not_start_with_a_wrong_smtp_setting()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Tickets", SqliteStore.Instance.CreateDatabase());
            builder.UseSetting("SMTP_SECURITY", "ssl");
        });

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.StartsWith("Invalid mail settings: SMTP_SECURITY 'ssl'", error.Message, StringComparison.Ordinal);
    }
}
