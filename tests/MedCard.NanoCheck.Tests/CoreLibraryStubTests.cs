using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedCard.NanoCheck.Stubs;
using Xunit;
using Xunit.Abstractions;

namespace MedCard.NanoCheck.Tests;

/// <summary>
/// The generated mscorlib stub against the real nanoFramework mscorlib.dll (nanoFramework.CoreLibrary 1.17.11, restored
/// into the NuGet cache by the tool's PackageDownload): member for member, every visible type, base, interface, method
/// (with its signature and static/virtual/abstract/final), field (with constant values), property and event.
/// </summary>
[Collection(StubCollection.Name)]
public sealed class CoreLibraryStubTests
{
    private readonly StubFixture _fixture;
    private readonly ITestOutputHelper _output;

    public CoreLibraryStubTests(StubFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void TheRealCoreLibraryIsRestoredAndCompiledAgainst()
    {
        string? real = RealCoreLibrary.Locate();

        Assert.True(real is not null, "nanoFramework.CoreLibrary is not in the NuGet cache: restore tools/MedCard.NanoCheck (PackageDownload)");
        Assert.Equal(real, _fixture.Stubs.RealCoreLibraryPath);
        Assert.Equal(real, new Checks.ReferenceCompiler(_fixture.Data, _fixture.Stubs).CoreLibraryPath);
    }

    [Fact]
    public void StubAndRealCoreLibraryAgreeMemberForMember()
    {
        string? real = RealCoreLibrary.Locate();
        Assert.True(real is not null, "nanoFramework.CoreLibrary is not in the NuGet cache: restore tools/MedCard.NanoCheck (PackageDownload)");
        SortedSet<string> fromReal = PublicSurfaceReader.Read(real!);
        SortedSet<string> fromStub = PublicSurfaceReader.Read(_fixture.Stubs.AssemblyPaths["mscorlib"]);

        List<string> onlyReal = fromReal.Except(fromStub).ToList();
        List<string> onlyStub = fromStub.Except(fromReal).ToList();
        _output.WriteLine("real mscorlib: " + fromReal.Count + " surface lines, stub: " + fromStub.Count + ", only in real: " + onlyReal.Count + ", only in stub: " + onlyStub.Count);

        // Not vacuous: the reader sees signatures, modifiers and constants, and what 1.x lacks is absent.
        Assert.True(fromReal.Count > 1000, "the real surface was not read (" + fromReal.Count + " lines)");
        Assert.Contains("M System.String::Format(System.String,System.Object[]):System.String static", fromReal);
        Assert.Contains("F System.Int32::MaxValue:System.Int32 static = 2147483647", fromReal);
        Assert.Contains("B System.SpanByte System.ValueType", fromReal);
        Assert.DoesNotContain(fromReal, l => l.StartsWith("T System.Math ", System.StringComparison.Ordinal) || l.StartsWith("T System.Collections.Generic.", System.StringComparison.Ordinal));
        Assert.True(
            onlyReal.Count == 0 && onlyStub.Count == 0,
            "only in the real mscorlib:\n  " + string.Join("\n  ", onlyReal) + "\nonly in the stub:\n  " + string.Join("\n  ", onlyStub));
    }
}
