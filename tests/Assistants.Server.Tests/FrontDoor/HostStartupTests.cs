using System;
using System.IO;
using System.Linq;
using Assistants.Server.Host;
using NUnit.Framework;

namespace Assistants.Server.Tests.FrontDoor;

/// <summary>The Host's start decisions, through the entry its Program uses (<see cref="HostStartup.Plan"/>).</summary>
public sealed class HostStartupTests
{
    private string _data = null!;

    [SetUp]
    public void CreateFolder() => _data = Path.Combine(Path.GetTempPath(), "assistants-host-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [TestCase("http://0.0.0.0:5080", "http://0.0.0.0:5080")]
    [TestCase("http://*:5080", "http://*:5080")]
    [TestCase("http://+:5080", "http://+:5080")]
    [TestCase("http://[::]:5080", "http://[::]:5080")]
    [TestCase("http://127.0.0.1:5080;http://192.168.1.20:5080", "http://192.168.1.20:5080")]
    [TestCase("http://myhost.example:5080", "http://myhost.example:5080")]
    public void NoAuth_OnANonLoopbackAddress_RefusesToStart_SayingWhy(string urls, string named)
    {
        HostPlan plan = HostStartup.Plan(HostSettings.Parse(["--no-auth", "--data", _data]), urls, configuredKeys: null);

        Assert.That(plan.Refusal, Does.Contain(named).And.Contain("not a loopback address").And.Contain("--no-auth"));
        Assert.That(plan.Keys, Is.Empty);
        Assert.That(Directory.Exists(_data), Is.False);
    }

    [TestCase("http://127.0.0.1:5080")]
    [TestCase("http://localhost:5080")]
    [TestCase("http://[::1]:5080;http://127.0.0.1:5081")]
    public void NoAuth_OnLoopback_Starts_WithoutKeys(string urls)
    {
        HostPlan plan = HostStartup.Plan(HostSettings.Parse(["--no-auth", "--data", _data]), urls, configuredKeys: null);

        Assert.That(plan.Refusal, Is.Null);
        Assert.That(plan.Keys, Is.Empty);
        Assert.That(HostStartup.Banner(plan, urls).Last(), Does.Contain("off (--no-auth)"));
    }

    [Test]
    public void FirstStart_GeneratesAKeyFile_OnlyItsUserCanRead_AndPrintsItsPathNotTheKey()
    {
        HostSettings settings = HostSettings.Parse(["--data", _data, "--urls", "http://0.0.0.0:5080"]);

        HostPlan first = HostStartup.Plan(settings, "http://0.0.0.0:5080", configuredKeys: null);
        HostPlan second = HostStartup.Plan(settings, "http://0.0.0.0:5080", configuredKeys: null);

        Assert.That(first.Refusal, Is.Null, "with a key, any address may be bound");
        Assert.That(first.KeyCreated, Is.True);
        Assert.That(second.KeyCreated, Is.False);
        Assert.That(second.Keys, Is.EqualTo(first.Keys));
        Assert.That(first.Keys.Single(), Has.Length.GreaterThanOrEqualTo(40));
        Assert.That(first.KeyFile, Is.EqualTo(Path.Combine(Path.GetFullPath(_data), "api-key")));
        Assert.That(File.ReadAllText(first.KeyFile!).Trim(), Is.EqualTo(first.Keys.Single()));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(first.KeyFile!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        string banner = string.Join("\n", HostStartup.Banner(first, "http://0.0.0.0:5080"));
        Assert.That(banner, Does.Contain(first.KeyFile).And.Contain("http://0.0.0.0:5080/v1").And.Not.Contain(first.Keys.Single()));
        Assert.That(settings.Remaining, Is.EqualTo(new[] { "--urls", "http://0.0.0.0:5080" }));
    }

    [Test]
    public void ConfiguredKeys_AreUsed_AndNoKeyFileIsWritten()
    {
        HostPlan plan = HostStartup.Plan(HostSettings.Parse(["--data", _data]), "http://0.0.0.0:5080", configuredKeys: "sk-one, sk-two");

        Assert.That(plan.Keys, Is.EqualTo(new[] { "sk-one", "sk-two" }));
        Assert.That(plan.KeyFile, Is.Null);
        Assert.That(plan.Refusal, Is.Null);
        Assert.That(File.Exists(Path.Combine(_data, "api-key")), Is.False);
        Assert.That(string.Join("\n", HostStartup.Banner(plan, "http://0.0.0.0:5080")), Does.Not.Contain("sk-one"));
    }

    [Test]
    public void Help_NamesKeysBindingLimitsStorageAndBackup()
    {
        Assert.That(HostSettings.Parse(["--help"]).ShowHelp, Is.True);
        Assert.That(HostHelp.Text, Does.Contain("--no-auth").And.Contain("--data").And.Contain(HostSettings.KeysVariable)
            .And.Contain("Limits:").And.Contain("Storage:").And.Contain("Backup:"));
    }
}
