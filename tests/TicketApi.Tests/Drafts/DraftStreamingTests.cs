using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TicketApi.Drafts.Http;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Drafts;

/// <summary>
/// <c>POST /api/tickets/{id}/draft</c> with <c>Accept: text/event-stream</c> (docs/drafts.md, "Streaming"), read
/// as a browser reads an event stream: token frames, then exactly one end or error frame; a refusal before the
/// writer produced anything is a plain problem; a client that leaves midway leaves nothing stored.
/// </summary>
public abstract class DraftStreamingTests(TicketStoreFixture store) : DraftApiTest(store)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static HttpRequestMessage StreamRequest(long id, string body = "{}")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Draft(id)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }

    private async Task<(HttpResponseMessage Response, List<ServerSentEvent> Events)> StreamAsync(long id, string body = "{}")
    {
        var response = await Client.SendAsync(StreamRequest(id, body), HttpCompletionOption.ResponseHeadersRead);
        var events = await new EventStreamReader(await response.Content.ReadAsStreamAsync()).ReadAllAsync();
        return (response, events);
    }

    [Fact]
    public async Task A_streamed_draft_is_token_frames_of_the_reply_then_one_end_frame_with_the_stored_draft()
    {
        var id = await CreateTicketIdAsync();

        var (response, events) = await StreamAsync(id);
        var end = JsonNode.Parse(events[^1].Data)!.AsObject();
        var stored = await ReadObjectAsync(await Client.GetAsync(Draft(id)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(["token", "token", "token", "end"], events.Select(e => e.Type).ToArray());
        var deltas = events.SkipLast(1).Select(e => (string)JsonNode.Parse(e.Data)!["delta"]!).ToArray();
        Assert.Equal(Writer.ReplyPieces, deltas);
        Assert.Equal(string.Concat(deltas), (string)end["reply"]!);
        Assert.Equal(stored.ToJsonString(), end.ToJsonString());
        Assert.Empty(Outbox.Replies);
    }

    [Fact]
    public async Task A_streamed_refinement_streams_the_new_reply_and_ends_with_the_new_version()
    {
        var id = await CreateTicketIdAsync();
        await WriteDraftAsync(id);

        var (_, events) = await StreamAsync(id, """{"instruction":"shorter"}""");
        var end = JsonNode.Parse(events[^1].Data)!;

        Assert.Equal("end", events[^1].Type);
        Assert.Equal(2, (long)end["version"]!);
        Assert.Equal("shorter", (string)end["instruction"]!);
    }

    [Fact]
    public async Task A_writer_failing_midstream_ends_the_stream_with_one_error_frame_and_stores_nothing()
    {
        var id = await CreateTicketIdAsync();
        Writer.FailAfterFirstPiece = new HttpRequestException("model endpoint went away");

        var (response, events) = await StreamAsync(id);
        var error = JsonNode.Parse(events[^1].Data)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["token", "error"], events.Select(e => e.Type).ToArray());
        Assert.Equal(503, (int)error["status"]!);
        Assert.Contains("model endpoint went away", (string)error["message"]!, StringComparison.Ordinal);
        Assert.Equal(0, (long)(await GetHistoryAsync(id))["count"]!);
    }

    [Fact]
    public async Task A_request_refused_before_the_writer_starts_is_a_plain_problem_with_its_status()
    {
        var id = await CreateTicketIdAsync();

        var response = await Client.SendAsync(StreamRequest(id, """{"instruction":"shorter"}"""));

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("no current draft to refine", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_disconnects_midstream_cancels_the_writer_and_leaves_nothing_stored()
    {
        var id = await CreateTicketIdAsync();
        Writer.HoldAfterFirstPiece = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var leave = new CancellationTokenSource();

        var response = await Client.SendAsync(StreamRequest(id), HttpCompletionOption.ResponseHeadersRead, leave.Token);
        var reader = new EventStreamReader(await response.Content.ReadAsStreamAsync(leave.Token));
        var first = await reader.ReadAsync(leave.Token);
        await leave.CancelAsync();
        response.Dispose();
        await Writer.CancellationSeen.Task.WaitAsync(Deadline);

        Assert.Equal("token", first?.Type);
        Assert.Equal(0, (long)(await GetHistoryAsync(id))["count"]!);
    }

    [Fact]
    public async Task A_frame_whose_data_holds_line_breaks_is_split_into_data_lines_and_reads_back_whole()
    {
        var frame = DraftEventFrames.Format("end", "first\nsecond\r\nthird");

        var read = await new EventStreamReader(new MemoryStream(Encoding.UTF8.GetBytes(frame))).ReadAllAsync();

        Assert.Equal("event: end\ndata: first\ndata: second\ndata: third\n\n", frame);
        Assert.Equal([new ServerSentEvent("end", "first\nsecond\nthird")], read);
    }
}

public sealed class DraftStreamingOnSqliteTests() : DraftStreamingTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class DraftStreamingOnPostgresTests(PostgresServer server) : DraftStreamingTests(server);
