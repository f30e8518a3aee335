namespace AgentHost.Chat.Sessions.Storage;

/// <summary>Creates or upgrades the chat-session tables before the host takes requests (<see cref="ChatSessionSchema"/>).</summary>
internal sealed class ChatSessionStorageStartup(ChatSessionDatabase database, ILogger<ChatSessionStorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ChatSessionSchema.MigrateAsync(database, cancellationToken);
        logger.LogInformation("Chat session storage ready ({Store}, schema version {Version}).", database.Kind, ChatSessionSchema.LatestVersion);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
