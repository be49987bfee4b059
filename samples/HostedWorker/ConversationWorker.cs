using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Assistants.Client;
using Microsoft.Extensions.Hosting;

/// <summary>Has one conversation through the injected client, then stops the host.</summary>
internal sealed class ConversationWorker(AssistantsApiClient client, WorkerSettings settings, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Console.WriteLine("1. Create an assistant (client resolved from DI)");
            Assistant assistant = await client.Assistants.CreateAsync(
                settings.Model, new AssistantCreationOptions { Name = "Hosted helper", Instructions = "Answer briefly." }, stoppingToken);
            Console.WriteLine($"   {assistant.Id}");

            Console.WriteLine("2. Create a thread with the question and run it, polling until it ends");
            ThreadRun run = await client.Runs.CreateThreadAndRunAndPollAsync(
                assistant.Id,
                new ThreadCreationOptions { Messages = [new ThreadInitializationMessage(MessageRole.User, settings.Question)] },
                pollingOptions: new RunPollingOptions { Interval = TimeSpan.FromMilliseconds(100) },
                cancellationToken: stoppingToken);
            Console.WriteLine($"   user: {settings.Question}");
            Console.WriteLine($"   run {run.Id} on {run.ThreadId}: {run.Status}");

            await foreach (ThreadMessage message in client.Messages.ListAsync(run.ThreadId!, new MessageCollectionOptions { RunId = run.Id }, stoppingToken))
            {
                Console.WriteLine($"   assistant: {string.Concat(message.Content?.OfType<MessageTextContent>().Select(c => c.Text?.Value) ?? [])}");
            }

            Console.WriteLine("3. Clean up");
            await client.Threads.DeleteAsync(run.ThreadId!, stoppingToken);
            await client.Assistants.DeleteAsync(assistant.Id, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine($"The conversation failed: {ex.GetType().Name}: {ex.Message}");
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
