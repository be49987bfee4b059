using System.Text.Json;
using Assistants.Client.Serialization;
using NUnit.Framework;

namespace Assistants.Client.Tests;

[TestFixture]
public sealed class ToolChoiceTests
{
    [TestCase("\"none\"", "none")]
    [TestCase("\"auto\"", "auto")]
    [TestCase("\"required\"", "required")]
    [TestCase("\"sometimes\"", "sometimes")]
    public void Read_BareString_IsKeptAndWrittenBack(string json, string type)
    {
        ToolChoice choice = JsonSerializer.Deserialize(json, AssistantsJsonContext.Default.ToolChoice)!;

        Assert.That(choice.IsBareString, Is.True);
        Assert.That(choice.Type, Is.EqualTo(type));
        Assert.That(choice.FunctionName, Is.Null);
        Assert.That(JsonSerializer.Serialize(choice, AssistantsJsonContext.Default.ToolChoice), Is.EqualTo(json));
    }

    [TestCase("""{"type":"function","function":{"name":"get_food"}}""", "function", "get_food")]
    [TestCase("""{"type":"file_search"}""", "file_search", null)]
    [TestCase("""{"type":"code_interpreter"}""", "code_interpreter", null)]
    [TestCase("""{"type":"web_browser","web_browser":{"depth":2},"extra":true}""", "web_browser", null)]
    public void Read_Object_IsKeptAndWrittenBackLosslessly(string json, string type, string? functionName)
    {
        ToolChoice choice = JsonSerializer.Deserialize(json, AssistantsJsonContext.Default.ToolChoice)!;

        Assert.That(choice.IsBareString, Is.False);
        Assert.That(choice.Type, Is.EqualTo(type));
        Assert.That(choice.FunctionName, Is.EqualTo(functionName));
        JsonAssert.AreEquivalent(json, JsonSerializer.Serialize(choice, AssistantsJsonContext.Default.ToolChoice));
    }

    [Test]
    public void Write_ValuesBuiltInCode_UseTheWireShapes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Write(ToolChoice.None), Is.EqualTo("\"none\""));
            Assert.That(Write(ToolChoice.Auto), Is.EqualTo("\"auto\""));
            Assert.That(Write(ToolChoice.Required), Is.EqualTo("\"required\""));
            Assert.That(Write(ToolChoice.FileSearch), Is.EqualTo("""{"type":"file_search"}"""));
            Assert.That(Write(ToolChoice.CodeInterpreter), Is.EqualTo("""{"type":"code_interpreter"}"""));
            Assert.That(Write(ToolChoice.CreateFunction("get_food")), Is.EqualTo("""{"type":"function","function":{"name":"get_food"}}"""));
        });

        static string Write(ToolChoice choice) => JsonSerializer.Serialize(choice, AssistantsJsonContext.Default.ToolChoice);
    }

    [Test]
    public void CreateFunction_WithEmptyName_Throws()
    {
        System.ArgumentException error = Assert.Throws<System.ArgumentException>(() => ToolChoice.CreateFunction(string.Empty))!;

        Assert.That(error.ParamName, Is.EqualTo("name"));
    }

    [Test]
    public void TruncationStrategy_LastMessages_RoundTrips()
    {
        const string json = """{"type":"last_messages","last_messages":3}""";

        RunTruncationStrategy strategy = JsonSerializer.Deserialize(json, AssistantsJsonContext.Default.RunTruncationStrategy)!;

        Assert.That(strategy.Type, Is.EqualTo(RunTruncationStrategyType.LastMessages));
        Assert.That(strategy.LastMessages, Is.EqualTo(3));
        JsonAssert.AreEquivalent(json, JsonSerializer.Serialize(RunTruncationStrategy.CreateLastMessages(3), AssistantsJsonContext.Default.RunTruncationStrategy));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => RunTruncationStrategy.CreateLastMessages(0));
    }
}
