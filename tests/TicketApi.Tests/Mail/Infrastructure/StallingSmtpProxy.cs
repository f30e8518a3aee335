using System.Net;
using System.Net.Sockets;

namespace TicketApi.Tests.Mail.Infrastructure;

/// <summary>
/// A TCP proxy in front of a real SMTP server that passes everything through except the end of a mail: the
/// final <c>.</c> line after DATA is held back, so the server never answers 250 and the delivery is in flight
/// for as long as the test likes. <see cref="DataHeld"/> completes at that moment: the signal to kill the host.
/// </summary>
public sealed class StallingSmtpProxy : IAsyncDisposable
{
    private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    public StallingSmtpProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public TaskCompletionSource DataHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll(_connections.Append(_accepting).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_connections)
            {
                _connections.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                var fromClient = client.GetStream();
                var toServer = server.GetStream();
                var replies = server.GetStream().CopyToAsync(fromClient, _stop.Token);
                var seen = new List<byte>();
                var buffer = new byte[8192];
                int read;
                while ((read = await fromClient.ReadAsync(buffer, _stop.Token)) > 0)
                {
                    seen.AddRange(buffer.AsSpan(0, read));
                    if (seen.Count >= EndOfData.Length && seen.TakeLast(EndOfData.Length).SequenceEqual(EndOfData))
                    {
                        // Everything but ".\r\n": the server waits for the end of the mail that never comes.
                        await toServer.WriteAsync(buffer.AsMemory(0, Math.Max(0, read - 3)), _stop.Token);
                        DataHeld.TrySetResult();
                        continue;
                    }
                    await toServer.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                }
                // The client is gone (killed): the server sees the connection drop in the middle of DATA.
                server.Close();
                await replies.ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The test is over, or one side hung up.
            }
        }
    }
}
