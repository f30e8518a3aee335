using AgentHost.Chat.Planner;
using AgentHost.Chat.Providers;
using AgentHost.Chat.Sessions;
using AgentHost.Chat.Sessions.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketApi.Ai;

namespace AgentHost.Chat;

public static class ChatPipelineServiceCollectionExtensions
{
    /// <summary>Key of the provider <see cref="IChatClient"/> (model or offline planner) under the tool loop.</summary>
    public const string ProviderKey = "provider";

    /// <summary>
    /// Registers the chat pipeline: the provider chosen from configuration (<see cref="ChatProviderSettings"/>),
    /// wrapped in <see cref="ToolInvokingChatClient"/>, plus sessions (stored: docs/chat-sse.md) and the turn runner. Tests replace the
    /// settings or the keyed provider client.
    /// </summary>
    public static IServiceCollection AddChatPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // Read now, not on first use: a half-configured provider stops the host at start with a clear
        // message instead of failing every chat request.
        services.TryAddSingleton(ChatProviderSettings.FromConfiguration(configuration));
        services.AddKeyedSingleton<IChatClient>(ProviderKey, (sp, _) => CreateProvider(sp));
        services.AddSingleton<IChatClient>(sp => new ToolInvokingChatClient(sp.GetRequiredKeyedService<IChatClient>(ProviderKey)));
        services.AddOptions<ChatSessionOptions>();
        services.AddChatSessionStorage(configuration);
        services.AddSingleton<ChatSessionStore>();
        services.AddSingleton<ChatTurnRunner>();
        return services;
    }

    private static IChatClient CreateProvider(IServiceProvider services)
    {
        var settings = services.GetRequiredService<ChatProviderSettings>();
        return settings.Kind == ChatProviderKind.OfflinePlanner
            ? ActivatorUtilities.CreateInstance<OfflinePlannerChatClient>(services)
            : new OpenAIChatClientAdapter(OpenAIChatClientFactory.Create(settings), settings.ProviderName);
    }
}
