using System.Collections.Generic;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MedCard.Settlement.Tests.Infrastructure;

/// <summary>Marks a suite class whose tests need the private PostgreSQL server.</summary>
public interface IRequiresPostgres
{
}

/// <summary>
/// A [Fact] for the store suite. xunit 2 cannot skip at run time, so the discoverer decides: in a class
/// marked <see cref="IRequiresPostgres"/>, when no PostgreSQL binaries exist on this machine, each test
/// is reported as skipped with the reason — never silently passed.
/// </summary>
[XunitTestCaseDiscoverer("MedCard.Settlement.Tests.Infrastructure.StoreFactDiscoverer", "MedCard.Settlement.Tests")]
public sealed class StoreFactAttribute : FactAttribute
{
}

public sealed class StoreFactDiscoverer : FactDiscoverer
{
    private readonly IMessageSink _sink;

    public StoreFactDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink)
    {
        _sink = diagnosticMessageSink;
    }

    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        bool needsPostgres = typeof(IRequiresPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        if (needsPostgres && PrivatePostgresServer.FindBinaries() is null)
        {
            return
            [
                new XunitSkippedDataRowTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
                    testMethod, "PostgreSQL binaries not found (looked for /usr/lib/postgresql/<N>/bin/initdb and $PG_BIN); "
                    + "install postgresql (the CI script .ci/run does) to run the PostgreSQL half of the suite."),
            ];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
