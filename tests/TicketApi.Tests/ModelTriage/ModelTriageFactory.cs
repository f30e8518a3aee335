using AgentTickets.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TicketApi.ModelTriage;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.ModelTriage;

/// <summary>
/// The real ticket API in memory with a model configured the way an operator does it (<c>OPENAI_BASE_URL</c>,
/// <c>OPENAI_API_KEY</c>, <c>OPENAI_MODEL</c>) pointing at a local fake OpenAI server. Retries and the
/// per-ticket timeout are shortened so failures are reached quickly. A restart test hands the same database
/// to a second factory (<paramref name="connectionString"/>); the factory that created a database drops it.
/// </summary>
public sealed class ModelTriageFactory(TicketStoreFixture store, FakeOpenAIServer model, string? connectionString = null) : WebApplicationFactory<Program>
{
    public const string ModelName = "gpt-triage-test";
    public const string ApiKey = "sk-triage-test";

    private readonly bool _ownsDatabase = connectionString is null;

    public string ConnectionString { get; } = connectionString ?? store.CreateDatabase();

    public LogCapture Logs { get; } = new();

    /// <summary>The SDK's retries after the first attempt (it backs off between them).</summary>
    public int MaxRetries { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int QueueCapacity { get; init; } = 1024;

    /// <summary>A value for <c>TRIAGE_MODEL</c> (null: unset).</summary>
    public string? TriageModel { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Tickets", ConnectionString);
        builder.UseSetting("OPENAI_BASE_URL", new Uri(model.BaseUrl, "v1").ToString());
        builder.UseSetting("OPENAI_API_KEY", ApiKey);
        builder.UseSetting("OPENAI_MODEL", ModelName);
        builder.UseSetting("TRIAGE_MODEL", TriageModel ?? "");
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ModelTriageSettings>();
            services.AddSingleton(provider =>
            {
                var configured = ModelTriageSettings.FromConfiguration(provider.GetRequiredService<IConfiguration>());
                return configured with { Provider = configured.Provider with { MaxRetries = MaxRetries }, Timeout = Timeout, QueueCapacity = QueueCapacity };
            });
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            store.DropDatabase(ConnectionString);
        }
    }
}
