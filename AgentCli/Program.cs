using AgentCli;
using AgentCli.Chat;

// Wiring only: Ctrl+C goes to the running answer when there is one (see TurnInterrupts).
var interrupts = new TurnInterrupts();
Console.CancelKeyPress += (_, e) => e.Cancel = interrupts.TryInterrupt();
return await AgentCliApp.RunAsync(args, CliConsole.FromSystem(interrupts), CancellationToken.None);
