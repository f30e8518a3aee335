using System.Net;
using AgentHost.Tickets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketApi;
using TicketApi.Accounts;
using TicketApi.Contracts;
using TicketApi.Querying;

namespace AgentHost.Tests.Tickets;

/// <summary>
/// The <see cref="ITicketService"/> contract, written once and run on both implementations: in-process
/// (embedded and stdio mode) and HTTP against a real ticket service on Kestrel (<c>TICKET_API_URL</c>). Both
/// must answer with the same values and the same words, each on a fresh SQLite file.
/// </summary>
public abstract partial class TicketServiceContractTests : IAsyncLifetime
{
    protected string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"seam-contract-{Guid.NewGuid():N}.db");
    private ServiceProvider? _services;

    protected ITicketService Tickets { get; private set; } = null!;

    /// <summary>The draft writer and outbox of this test's ticket service, whichever face it is reached through.</summary>
    protected AgentTickets.Testing.ScriptedDraftWriter Writer { get; } = new();

    protected AgentTickets.Testing.RecordingOutbox Outbox { get; } = new();

    /// <summary>The ticket service's own stand-ins for drafting and mail (other features' parts).</summary>
    protected void AddDraftParts(IServiceCollection services)
    {
        services.AddSingleton<TicketApi.Drafts.IDraftWriter>(Writer);
        services.AddSingleton<TicketApi.Mail.IOutbox>(Outbox);
    }

    /// <summary>The configuration the agent host would get in this mode.</summary>
    protected abstract Task<Dictionary<string, string?>> StartAsync();

    protected abstract Type ExpectedImplementation { get; }

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(await StartAsync()).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddTicketService(configuration);
        // This contract is about answers, not timeouts (TicketHttpConnectionTests has those): a CI machine at load 40
        // once took over the 10 s default for one request, which the client rightly reported as a 503.
        services.Configure<TicketServiceOptions>(options => options.AttemptTimeout = TimeSpan.FromMinutes(1));
        AddDraftParts(services); // used in-process only; over HTTP the ticket service has its own
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None); // the embedded schema, as a host would
        }
        Tickets = _services.GetRequiredService<ITicketService>();
    }

    public virtual async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    private async Task<TicketDto> CreateAsync(string title, string? description = null)
    {
        var created = await Tickets.CreateAsync(title, description, default);
        Assert.True(created.IsSuccess, created.Problem?.Message);
        return created.Value!;
    }

    [Fact]
    public void The_configuration_selects_the_expected_implementation() =>
        Assert.IsType(ExpectedImplementation, Tickets);

    [Fact]
    public async Task Create_trims_the_fields_and_get_returns_the_ticket_with_an_etag()
    {
        var created = await CreateAsync("  Café can't print  ", " Floor 3 ");

        var got = await Tickets.GetAsync(created.Id, default);

        Assert.Equal("Café can't print", got.Value!.Title);
        Assert.Equal("Floor 3", got.Value.Description);
        Assert.Equal(TicketStatus.Open, got.Value.ResolutionStatus);
        Assert.Equal("\"1\"", got.ETag);
    }

    [Fact]
    public async Task A_blank_or_too_long_title_is_a_422_naming_the_field_and_the_rule()
    {
        var blank = await Tickets.CreateAsync("   ", null, default);
        var tooLong = await Tickets.CreateAsync(new string('x', 256), null, default);

        Assert.Equal(422, blank.Problem!.Status);
        Assert.Equal("One or more fields have values a ticket cannot take. title: This field may not be blank.", blank.Problem.Message);
        Assert.Equal("One or more fields have values a ticket cannot take. title: Ensure this field has no more than 255 characters (it has 256).", tooLong.Problem!.Message);
    }

    [Fact]
    public async Task A_missing_ticket_is_a_404_in_the_contracts_words_for_every_call_that_takes_an_id()
    {
        var problems = new[]
        {
            (await Tickets.GetAsync(4242, default)).Problem,
            (await Tickets.UpdateAsync(4242, "x", null, default)).Problem,
            (await Tickets.SetStatusAsync(4242, TicketStatus.Resolved, default)).Problem,
            (await Tickets.DeleteAsync(4242, null, default)).Problem,
        };

        Assert.All(problems, p =>
        {
            Assert.Equal(404, p!.Status);
            Assert.Equal("Ticket with id '4242' was not found.", p.Message);
        });
    }

    [Fact]
    public async Task Status_moves_follow_the_lifecycle_and_a_refused_move_names_the_allowed_targets()
    {
        var ticket = await CreateAsync("Printer jams");

        var early = await Tickets.SetStatusAsync(ticket.Id, TicketStatus.Closed, default);
        var resolved = await Tickets.SetStatusAsync(ticket.Id, TicketStatus.Resolved, default);
        var closed = await Tickets.SetStatusAsync(ticket.Id, TicketStatus.Closed, default);
        var final = await Tickets.SetStatusAsync(ticket.Id, TicketStatus.Open, default);

        Assert.Equal(409, early.Problem!.Status);
        Assert.Equal([TicketStatus.Resolved], early.Problem.AllowedTransitions);
        Assert.Contains("Allowed transitions from OPEN: RESOLVED", early.Problem.Message);
        Assert.Equal(TicketStatus.Resolved, resolved.Value!.ResolutionStatus);
        Assert.Equal(TicketStatus.Closed, closed.Value!.ResolutionStatus);
        Assert.Empty(final.Problem!.AllowedTransitions!);
        Assert.Contains("none: CLOSED is final", final.Problem.Message);
    }

    [Fact]
    public async Task Update_changes_only_the_given_fields_under_the_same_rules_as_create()
    {
        var ticket = await CreateAsync("Typo in titel", "keep me");

        var renamed = await Tickets.UpdateAsync(ticket.Id, "Typo in title", null, default);
        var blank = await Tickets.UpdateAsync(ticket.Id, " ", null, default);

        Assert.Equal(("Typo in title", "keep me"), (renamed.Value!.Title, renamed.Value.Description));
        Assert.Equal(422, blank.Problem!.Status);
        Assert.Contains("title: This field may not be blank.", blank.Problem.Message);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_is_a_412_and_with_the_current_one_deletes()
    {
        var ticket = await CreateAsync("Duplicate");
        var read = await Tickets.GetAsync(ticket.Id, default);
        await Tickets.UpdateAsync(ticket.Id, "Duplicate of 3", null, default);

        var stale = await Tickets.DeleteAsync(ticket.Id, read.ETag, default);
        var current = await Tickets.GetAsync(ticket.Id, default);
        var deleted = await Tickets.DeleteAsync(ticket.Id, current.ETag, default);

        Assert.Equal(412, stale.Problem!.Status);
        Assert.Contains("has changed since you read it", stale.Problem.Message);
        Assert.True(deleted.IsSuccess);
        Assert.Equal(404, (await Tickets.GetAsync(ticket.Id, default)).Problem!.Status);
    }

    [Fact]
    public async Task List_filters_orders_and_pages_and_count_agrees_with_it()
    {
        var vpn = await CreateAsync("VPN drops hourly", "Since Monday");
        var mail = await CreateAsync("Mail bounces");
        await CreateAsync("VPN slow");
        await Tickets.SetStatusAsync(vpn.Id, TicketStatus.Resolved, default);
        var query = new TicketQuery { SearchWords = ["vpn"], Ordering = [new("title", false), new("id", false)], PageSize = 1 };

        var first = await Tickets.ListAsync(query, default);
        var second = await Tickets.ListAsync(query with { Page = 2 }, default);
        var past = await Tickets.ListAsync(query with { Page = 3 }, default);
        var open = await Tickets.CountAsync(new TicketQuery { Status = TicketStatus.Open }, default);
        var byIds = await Tickets.ListAsync(new TicketQuery { IdIn = [vpn.Id, mail.Id] }, default);

        Assert.Equal(2, first.Value!.Count);
        Assert.Equal(["VPN drops hourly"], first.Value.Results.Select(t => t.Title));
        Assert.NotNull(first.Value.Next);
        Assert.Equal(["VPN slow"], second.Value!.Results.Select(t => t.Title));
        Assert.Null(second.Value.Next);
        Assert.Equal(404, past.Problem!.Status);
        Assert.Equal(2, open.Value);
        Assert.Equal([mail.Id, vpn.Id], byIds.Value!.Results.Select(t => t.Id));
    }

    [Fact]
    public async Task A_search_with_no_words_matches_nothing_rather_than_everything()
    {
        await CreateAsync("Printer jams");

        var page = await Tickets.ListAsync(new TicketQuery { SearchWords = [] }, default);
        var count = await Tickets.CountAsync(new TicketQuery { SearchWords = [] }, default);

        Assert.Equal(0, page.Value!.Count);
        Assert.Equal(0, count.Value);
    }
}

public sealed class InProcessTicketServiceContractTests : TicketServiceContractTests
{
    protected override Type ExpectedImplementation => typeof(InProcessTicketService);

    protected override Task<Dictionary<string, string?>> StartAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["ConnectionStrings:Tickets"] = $"Data Source={DatabasePath}" });
}

public sealed class HttpTicketServiceContractTests : TicketServiceContractTests
{
    private WebApplication? _ticketService;

    protected override Type ExpectedImplementation => typeof(TicketApiClient);

    /// <summary>A real ticket service on a loopback port; the seam reaches it as <c>TICKET_API_URL</c>.</summary>
    protected override async Task<Dictionary<string, string?>> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Tickets"] = $"Data Source={DatabasePath}" });
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddTicketApi(builder.Configuration);
        AddDraftParts(builder.Services);
        _ticketService = builder.Build();
        // As TicketApi's Program wires it: the acting person and channel are entered per request.
        _ticketService.UseAccounts();
        _ticketService.MapTicketApi();
        await _ticketService.StartAsync();
        var address = _ticketService.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new Dictionary<string, string?> { ["TICKET_API_URL"] = address };
    }

    public override async Task DisposeAsync()
    {
        if (_ticketService is not null)
        {
            await _ticketService.StopAsync();
            await _ticketService.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
