using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using NUnit.Framework;

namespace Assistants.Client.Tests;

/// <summary>The house rules of the public surface, checked on the compiled library.</summary>
[TestFixture]
public sealed class ConventionTests
{
    private static readonly Assembly s_library = typeof(AssistantsApiClient).Assembly;

    [Test]
    public void EveryPublicAsyncMethod_TakesACancellationTokenLast()
    {
        string[] offenders = s_library.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && !m.IsSpecialName)
            .Where(m => m.Name is not "GetAsyncEnumerator" and not "DisposeAsync")
            .Where(m => m.GetParameters() is var p && (p.Length == 0 || p[^1].ParameterType != typeof(CancellationToken)))
            .Select(m => m.DeclaringType!.Name + "." + m.Name)
            .ToArray();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void EveryPublicClient_IsMockable()
    {
        Type[] clients = s_library.GetExportedTypes().Where(t => t.Name.EndsWith("Client", StringComparison.Ordinal) && t.IsClass).ToArray();
        Assert.That(clients, Is.Not.Empty);
        foreach (Type client in clients)
        {
            Assert.That(client.IsSealed, Is.False, client.Name + " must not be sealed");
            Assert.That(client.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)?.IsFamily, Is.True, client.Name + " needs a protected parameterless constructor");
            string[] nonVirtual = client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && !m.IsVirtual)
                .Select(m => m.Name)
                .ToArray();
            Assert.That(nonVirtual, Is.Empty, client.Name + " methods must be virtual");
        }
    }

    [Test]
    public void ServerOwnedStrings_AreExtensibleStructsNotEnums()
    {
        Type[] closedEnums = s_library.GetExportedTypes().Where(t => t.IsEnum).ToArray();

        Assert.That(closedEnums.Select(t => t.Name), Is.EquivalentTo(new[] { nameof(AuthenticationScheme), nameof(AssistantsTimeoutKind), nameof(ActiveRunHandling), nameof(ImportTarget) }), "only client-side choices may be closed enums");
    }
}
