using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Assistants.Client.Tests;

/// <summary>The <c>Retry</c> and <c>Timeouts</c> options read from configuration by <c>AddAssistantsClient(IConfiguration)</c>.</summary>
[TestFixture]
public sealed class ConfigurationBindingTests
{
    [Test]
    public void AddAssistantsClient_FromConfiguration_BindsRetryAndTimeouts()
    {
        AssistantsClientOptions options = Bind(new()
        {
            ["Assistants:ApiKey"] = "k",
            ["Assistants:Retry:MaxRetries"] = "5",
            ["Assistants:Retry:InitialDelay"] = "00:00:01.500",
            ["Assistants:Retry:MaxDelay"] = "00:00:20",
            ["Assistants:Retry:MaxRetryAfter"] = "00:02:00",
            ["Assistants:Retry:Jitter"] = "false",
            ["Assistants:Timeouts:ResponseHeaders"] = "00:00:30",
            ["Assistants:Timeouts:Total"] = "1.00:00:00",
            ["Assistants:Timeouts:StreamIdle"] = "infinite",
            ["Assistants:Timeouts:AbandonedRunCancel"] = "00:00:03",
        });

        Assert.Multiple(() =>
        {
            Assert.That(options.Retry.MaxRetries, Is.EqualTo(5));
            Assert.That(options.Retry.InitialDelay, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
            Assert.That(options.Retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(options.Retry.MaxRetryAfter, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(options.Retry.Jitter, Is.False);
            Assert.That(options.Timeouts.ResponseHeaders, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.Timeouts.Total, Is.EqualTo(TimeSpan.FromDays(1)));
            Assert.That(options.Timeouts.StreamIdle, Is.EqualTo(Timeout.InfiniteTimeSpan));
            Assert.That(options.Timeouts.AbandonedRunCancel, Is.EqualTo(TimeSpan.FromSeconds(3)));
        });
    }

    [TestCase(null, true)]
    [TestCase("false", false)]
    [TestCase("true", true)]
    public void AddAssistantsClient_FromConfiguration_BindsStreamRecovery(string? value, bool expected)
    {
        Dictionary<string, string?> settings = new() { ["Assistants:ApiKey"] = "k" };
        if (value is not null)
        {
            settings["Assistants:StreamRecovery"] = value;
        }

        Assert.That(Bind(settings).StreamRecovery, Is.EqualTo(expected));
    }

    [Test]
    public void AddAssistantsClient_WithoutRetryOrTimeouts_KeepsTheDefaults()
    {
        AssistantsClientOptions options = Bind(new() { ["Assistants:ApiKey"] = "k" });
        RetryOptions retry = new();
        TimeoutOptions timeouts = new();

        Assert.Multiple(() =>
        {
            Assert.That(options.Retry.MaxRetries, Is.EqualTo(retry.MaxRetries));
            Assert.That(options.Retry.InitialDelay, Is.EqualTo(retry.InitialDelay));
            Assert.That(options.Retry.MaxDelay, Is.EqualTo(retry.MaxDelay));
            Assert.That(options.Retry.MaxRetryAfter, Is.EqualTo(retry.MaxRetryAfter));
            Assert.That(options.Retry.Jitter, Is.EqualTo(retry.Jitter));
            Assert.That(options.Timeouts.ResponseHeaders, Is.EqualTo(timeouts.ResponseHeaders));
            Assert.That(options.Timeouts.Total, Is.EqualTo(timeouts.Total));
            Assert.That(options.Timeouts.StreamIdle, Is.EqualTo(timeouts.StreamIdle));
            Assert.That(options.Timeouts.AbandonedRunCancel, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(options.Telemetry.RecordContent, Is.False);
        });
    }

    [Test]
    public void AddAssistantsClient_TelemetryRecordContent_IsBoundAndKeptByClone()
    {
        AssistantsClientOptions options = Bind(new() { ["Assistants:ApiKey"] = "k", ["Assistants:Telemetry:RecordContent"] = "true" });
        AssistantsClientOptions copy = options.Clone();
        options.Telemetry.RecordContent = false;

        Assert.Multiple(() =>
        {
            Assert.That(copy.Telemetry.RecordContent, Is.True);
            Assert.That(copy.Telemetry, Is.Not.SameAs(options.Telemetry));
        });
    }

    [Test]
    public void AddAssistantsClient_ConfigureCallback_RunsAfterTheBinding()
    {
        IConfiguration configuration = Configuration(new() { ["BaseUrl"] = "https://api.test/v1/", ["Retry:MaxRetries"] = "5", ["Timeouts:Total"] = "00:01:00" });
        ServiceCollection services = new();
        services.AddAssistantsClient(configuration, o => o.Retry.MaxRetries = 1);
        using ServiceProvider provider = services.BuildServiceProvider();

        AssistantsClientOptions options = provider.GetRequiredService<IOptions<AssistantsClientOptions>>().Value;

        Assert.That(options.Retry.MaxRetries, Is.EqualTo(1));
        Assert.That(options.Timeouts.Total, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void AddAssistantsClient_TimeSpanParsing_IgnoresTheCurrentCulture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            AssistantsClientOptions options = Bind(new() { ["Assistants:Retry:InitialDelay"] = "00:00:00.250" });

            Assert.That(options.Retry.InitialDelay, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [TestCase("Retry:MaxRetries", "many")]
    [TestCase("Retry:InitialDelay", "half a second")]
    [TestCase("Retry:MaxDelay", "30")]
    [TestCase("Retry:MaxRetryAfter", "infinite")]
    [TestCase("Retry:Jitter", "sometimes")]
    [TestCase("Timeouts:ResponseHeaders", "00:00:xx")]
    [TestCase("Timeouts:Total", "10m")]
    [TestCase("Timeouts:StreamIdle", "5")]
    [TestCase("Telemetry:RecordContent", "yes")]
    public void AddAssistantsClient_WithInvalidValue_NamesTheKey(string key, string value)
    {
        IConfiguration configuration = Configuration(new() { ["Assistants:BaseUrl"] = "https://api.test/v1/", ["Assistants:" + key] = value });
        ServiceCollection services = new();
        services.AddAssistantsClient(configuration.GetSection("Assistants"));
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AssistantsApiClient>())!;

        Assert.That(error.Failures.Count(), Is.EqualTo(1));
        Assert.That(error.Failures.First(), Does.StartWith($"Configuration value Assistants:{key} '{value}' is not"));
    }

    [TestCase("Retry:MaxRetries", "-1", "MaxRetries")]
    [TestCase("Timeouts:Total", "-00:00:01", "Total")]
    public void AddAssistantsClient_WithOutOfRangeValue_FailsValidation(string key, string value, string option)
    {
        IConfiguration configuration = Configuration(new() { ["BaseUrl"] = "https://api.test/v1/", ["ApiKey"] = "k", [key] = value });
        ServiceCollection services = new();
        services.AddAssistantsClient(configuration);
        using ServiceProvider provider = services.BuildServiceProvider();

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => provider.GetRequiredService<AssistantsApiClient>())!;

        Assert.That(error.ParamName, Is.EqualTo(option));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static AssistantsClientOptions Bind(Dictionary<string, string?> values)
    {
        values["Assistants:BaseUrl"] = "https://api.test/v1/";
        ServiceCollection services = new();
        services.AddAssistantsClient(Configuration(values).GetSection("Assistants"));
        using ServiceProvider provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<AssistantsClientOptions>>().Value;
    }
}
