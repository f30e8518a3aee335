namespace AgentHost.Chat.Sessions.Storage;

public static class ChatSessionStorageExtensions
{
    /// <summary>
    /// Registers the session database (<see cref="ChatSessionDatabase.ConnectionStringFrom"/>), the creation of
    /// its tables at start, and the repository.
    /// </summary>
    public static IServiceCollection AddChatSessionStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = ChatSessionDatabase.ConnectionStringFrom(configuration);
        services.AddSingleton(_ => new ChatSessionDatabase(connectionString));
        services.AddHostedService<ChatSessionStorageStartup>();
        services.AddSingleton<ChatSessionRepository>();
        return services;
    }
}
