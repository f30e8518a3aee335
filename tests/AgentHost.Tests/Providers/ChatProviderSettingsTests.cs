using Microsoft.Extensions.Configuration;
using TicketApi.Ai;

namespace AgentHost.Tests.Providers;

public class ChatProviderSettingsTests
{
    private static ChatProviderSettings Read(params (string Key, string Value)[] values) =>
        ChatProviderSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void With_nothing_configured_the_offline_planner_runs()
    {
        var settings = Read(("OPENAI_API_KEY", "  "), ("AZURE_OPENAI_ENDPOINT", ""));
        Assert.Equal(ChatProviderKind.OfflinePlanner, settings.Kind);
    }

    [Fact]
    public void An_openai_key_selects_openai_with_a_default_model()
    {
        var settings = Read(("OPENAI_API_KEY", "sk-1"));
        Assert.Equal(ChatProviderKind.OpenAI, settings.Kind);
        Assert.Equal("gpt-4o-mini", settings.Model);
        Assert.Null(settings.Endpoint);
    }

    [Fact]
    public void A_base_url_alone_selects_an_openai_compatible_server_such_as_ollama()
    {
        var settings = Read(("OPENAI_BASE_URL", "http://localhost:11434/v1"), ("OPENAI_MODEL", "llama3.1"));
        Assert.Equal(ChatProviderKind.OpenAI, settings.Kind);
        Assert.Equal(new Uri("http://localhost:11434/v1"), settings.Endpoint);
        Assert.Equal("llama3.1", settings.Model);
        Assert.Null(settings.ApiKey);
    }

    [Theory]
    [InlineData(null, ChatProviderKind.AzureOpenAIV1)]
    [InlineData("v1", ChatProviderKind.AzureOpenAIV1)]
    [InlineData("preview", ChatProviderKind.AzureOpenAIV1)]
    [InlineData("2024-10-21", ChatProviderKind.AzureOpenAIClassic)]
    [InlineData("2025-04-01-preview", ChatProviderKind.AzureOpenAIClassic)]
    public void Azure_uses_the_classic_endpoint_only_for_a_dated_api_version(string? version, ChatProviderKind expected)
    {
        var values = new List<(string, string)>
        {
            ("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com/"),
            ("AZURE_OPENAI_API_KEY", "k"),
            ("AZURE_OPENAI_CHAT_DEPLOYMENT", "gpt-4o"),
            ("OPENAI_API_KEY", "sk-ignored-when-azure-is-set"),
        };
        if (version is not null)
        {
            values.Add(("AZURE_OPENAI_API_VERSION", version));
        }

        var settings = Read([.. values]);

        Assert.Equal(expected, settings.Kind);
        Assert.Equal("gpt-4o", settings.Model);
    }

    [Fact]
    public void The_mini_deployment_stands_in_when_it_is_the_only_one()
    {
        var settings = Read(("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com/"), ("AZURE_OPENAI_API_KEY", "k"),
            ("AZURE_OPENAI_CHAT_DEPLOYMENT_MINI", "gpt-4o-mini"));
        Assert.Equal("gpt-4o-mini", settings.Model);
    }

    [Fact]
    public void An_azure_endpoint_without_a_deployment_is_a_clear_startup_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com/")));
        Assert.Contains("AZURE_OPENAI_CHAT_DEPLOYMENT", error.Message);
    }

    [Theory]
    [InlineData("https://res.openai.azure.com", "https://res.openai.azure.com/openai/v1/")]
    [InlineData("https://res.openai.azure.com/", "https://res.openai.azure.com/openai/v1/")]
    [InlineData("https://res.openai.azure.com/openai/v1/", "https://res.openai.azure.com/openai/v1/")]
    [InlineData("https://res.openai.azure.com/openai", "https://res.openai.azure.com/openai/v1/")]
    public void The_azure_v1_endpoint_is_derived_from_the_resource_url(string configured, string expected) =>
        Assert.Equal(new Uri(expected), OpenAIChatClientFactory.AzureV1Endpoint(new Uri(configured)));

    [Fact]
    public void The_key_never_appears_in_the_settings_text()
    {
        var settings = Read(("OPENAI_API_KEY", "sk-very-secret"));
        Assert.DoesNotContain("sk-very-secret", settings.ToString());
    }
}
