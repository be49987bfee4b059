using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Assistants.Client.Tests;

/// <summary>
/// The protocol's limits (the spec's table), through the public API: a value just inside each limit is sent, one just
/// outside (and NaN or an infinity for every number) is refused with an <see cref="ArgumentException"/> naming the
/// parameter the way the caller wrote it, before any request.
/// </summary>
public sealed partial class ProtocolLimitsTests
{
    private const string AnyObject = """{"id":"obj_1","object":"list","data":[],"has_more":false}""";

    private static readonly double[] NotFinite = { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    [TestCaseSource(nameof(InsideCases))]
    public async Task Call_JustInsideTheLimit_SendsTheRequest(Func<AssistantsApiClient, Task> call)
    {
        using Wire wire = new();
        wire.Mock.When("*").Respond("application/json", AnyObject);

        await call(wire.Client);

        Assert.That(wire.Requests, Has.Count.EqualTo(1));
    }

    [TestCaseSource(nameof(OutsideCases))]
    public void Call_JustOutsideTheLimit_ThrowsNamingTheParameterBeforeSending(Func<AssistantsApiClient, Task> call, string parameter)
    {
        using Wire wire = new();

        ArgumentException? error = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => call(wire.Client)) as ArgumentException;

        Assert.That(error!.ParamName, Is.EqualTo(parameter));
        Assert.That(wire.Requests, Is.Empty);
    }

    [Test]
    public void CreateAsync_WithNaNTemperature_NamesTheLimitAndTheValue()
    {
        using Wire wire = new();

        ArgumentOutOfRangeException error = Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => wire.Client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions { Temperature = double.NaN }))!;

        Assert.That(error.ParamName, Is.EqualTo("options.Temperature"));
        Assert.That((double)error.ActualValue!, Is.NaN);
        Assert.That(error.Message, Does.Contain("from 0 to 2").And.Contain("NaN"));
    }

    [Test]
    public void CreateAsync_WithTooLongInstructions_NamesTheLengthNotTheText()
    {
        using Wire wire = new();
        string instructions = "private-" + new string('x', 256_000);

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(
            () => wire.Client.Assistants.CreateAsync("gpt-4o", new AssistantCreationOptions { Instructions = instructions }))!;

        Assert.That(error.Message, Does.Contain("256008").And.Contain("256000").And.Not.Contain("private-"));
    }

    [Test]
    public void CreateAsync_WithInvalidFunctionName_NamesTheRuleAndTheCharacter()
    {
        using Wire wire = new();
        AssistantCreationOptions options = new() { Tools = Tools(4, i => i == 3 ? Function("get weather") : Function("f" + i)) };

        ArgumentException error = Assert.ThrowsAsync<ArgumentException>(() => wire.Client.Assistants.CreateAsync("gpt-4o", options))!;

        Assert.That(error.ParamName, Is.EqualTo("options.Tools[3].Function.Name"));
        Assert.That(error.Message, Does.Contain("a-z, A-Z, 0-9").And.Contain("' ' at index 3"));
    }

    private static IEnumerable<TestCaseData> InsideCases()
        => AllCases().Where(c => c.Parameter is null).Select(c => new TestCaseData(c.Call).SetName("Inside(" + c.Name + ")"));

    private static IEnumerable<TestCaseData> OutsideCases()
        => AllCases().Where(c => c.Parameter is not null).Select(c => new TestCaseData(c.Call, c.Parameter).SetName("Outside(" + c.Name + ")"));

    private static IEnumerable<LimitCase> AllCases()
        => AssistantCases().Concat(ThreadAndMessageCases()).Concat(RunCases()).Concat(VectorStoreCases()).Concat(ListCases());

    /// <summary>Expands each limit over each call that takes the options: one inside case, one case per outside value.</summary>
    private static IEnumerable<LimitCase> Expand<T>(IEnumerable<Limit<T>> limits, params Target<T>[] targets)
        where T : new()
    {
        foreach (Target<T> target in targets)
        {
            foreach (Limit<T> limit in limits)
            {
                if (limit.Inside is { } inside && target.CanSend)
                {
                    yield return new LimitCase($"{target.Name} {limit.Label} inside", target.Call(With(inside)), null);
                }

                for (int i = 0; i < limit.Outside.Length; i++)
                {
                    yield return new LimitCase($"{target.Name} {limit.Label} outside #{i}", target.Call(With(limit.Outside[i])), target.Prefix + "." + limit.Parameter);
                }
            }
        }
    }

    private static Func<T> With<T>(Action<T> set)
        where T : new()
        => () =>
        {
            T options = new();
            set(options);
            return options;
        };

    /// <summary>The spec's number limits, plus NaN and both infinities, as outside values for a double property.</summary>
    private static Action<T>[] OutsideRange<T>(Action<T, double> set, double min, double max, double step)
        => new[] { min - step, max + step }.Concat(NotFinite).Select(v => (Action<T>)(o => set(o, v))).ToArray();

    private static Dictionary<string, string> Metadata(int pairs, int keyLength = 1, int valueLength = 1)
        => Enumerable.Range(0, pairs).ToDictionary(i => i.ToString("D" + keyLength, System.Globalization.CultureInfo.InvariantCulture), _ => new string('v', valueLength));

    private static List<string> Ids(int count) => Enumerable.Range(0, count).Select(i => "file_" + i).ToList();

    private static List<ToolDefinition> Tools(int count, Func<int, ToolDefinition>? make = null)
        => Enumerable.Range(0, count).Select(i => make?.Invoke(i) ?? ToolDefinition.CreateCodeInterpreter()).ToList();

    private static FunctionToolDefinition Function(string name) => new() { Function = new FunctionDefinition { Name = name } };

    internal sealed record LimitCase(string Name, Func<AssistantsApiClient, Task> Call, string? Parameter);

    /// <summary>One limit of an options type: the property path, a setting just inside and the settings just outside.</summary>
    internal sealed record Limit<T>(string Label, string Parameter, Action<T>? Inside, params Action<T>[] Outside);

    /// <summary>A public call that takes options of type <typeparamref name="T"/>, as the caller named the argument.</summary>
    internal sealed record Target<T>(string Name, string Prefix, Func<Func<T>, Func<AssistantsApiClient, Task>> Call, bool CanSend = true);
}
