using System.Net;
using System.Net.Sockets;

namespace TicketApi.Tests.Channels.Mail.Infrastructure;

/// <summary>
/// A TCP relay on loopback between the client and a server port, keeping every byte the client sent: what anyone
/// on the path would see. The password is "never sent before TLS" exactly when it never shows up here in the clear.
/// Each accepted connection is relayed until either side closes; disposing stops listening and waits for them.
/// </summary>
public sealed class RecordingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly MemoryStream _fromClient = new();
    private readonly Task _accepting;

    public RecordingRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Everything the client has sent so far, over all connections, in order of arrival.</summary>
    public byte[] ClientBytes()
    {
        lock (_fromClient)
        {
            return _fromClient.ToArray();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
        await _fromClient.DisposeAsync();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                connections.Add(RelayAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
        await Task.WhenAll(connections);
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var up = CopyAsync(client.GetStream(), server.GetStream(), record: true, either.Token);
                var down = CopyAsync(server.GetStream(), client.GetStream(), record: false, either.Token);
                await Task.WhenAny(up, down);
                await either.CancelAsync(); // one side closed: the session is over, end the other direction too
                await Task.WhenAll(up, down);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException)
            {
                // The relay stopped, or the server is not there: the client sees its connection close.
            }
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, bool record, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (record)
                {
                    lock (_fromClient)
                    {
                        _fromClient.Write(buffer, 0, read);
                    }
                }
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The other direction ended the session.
        }
    }
}
