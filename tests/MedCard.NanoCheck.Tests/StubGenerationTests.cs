using System.IO;
using System.Linq;
using MedCard.NanoCheck.Api;
using MedCard.NanoCheck.Stubs;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MedCard.NanoCheck.Tests;

/// <summary>The stub generator builds every assembly the data names, from the data alone.</summary>
[Collection(StubCollection.Name)]
public sealed class StubGenerationTests
{
    private readonly StubFixture _fixture;

    public StubGenerationTests(StubFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void StubsBuildForEveryAssemblyOfEveryPackage()
    {
        string dir = _fixture.NewFolder();

        // A fresh generation (not the cache) must compile all of them without errors (it throws otherwise).
        StubGenerator.Generate(_fixture.Data, dir);

        var expected = _fixture.Data.Packages.Values.SelectMany(p => p.Assemblies).Distinct().OrderBy(a => a).ToList();
        Assert.Equal(23, expected.Count);
        foreach (string assembly in expected)
        {
            string dll = Path.Combine(dir, assembly + ".dll");
            Assert.True(File.Exists(dll), assembly);
            var metadata = (PortableExecutableReference)MetadataReference.CreateFromFile(dll);
            Assert.True(new FileInfo(dll).Length > 1024, assembly + " is suspiciously small");
            Assert.NotNull(metadata.GetMetadata());
        }
    }

    [Fact]
    public void EveryListedTypeIsInItsStubAssembly()
    {
        var references = _fixture.Stubs.References();
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("probe", references: references);
        foreach (ApiType type in _fixture.Data.Types.Values)
        {
            var assembly = compilation.References
                .Select(r => compilation.GetAssemblyOrModuleSymbol(r))
                .OfType<IAssemblySymbol>()
                .Single(a => a.Name == type.Assembly);
            Assert.True(assembly.GetTypeByMetadataName(type.MetadataName) is not null, type.MetadataName + " missing from " + type.Assembly);
        }
    }

    [Fact]
    public void CacheIsReusedWhileTheDataIsUnchanged()
    {
        StubSet again = StubGenerator.Ensure(_fixture.ApiDirectory, RepoPaths.StubOutput(_fixture.RepoRoot));

        Assert.False(again.Regenerated);
        Assert.Equal(_fixture.Stubs.Directory, again.Directory);
        Assert.StartsWith(Path.Combine(_fixture.RepoRoot, "artifacts", "nanostubs"), again.Directory, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedDataGetsANewCacheKey()
    {
        string copy = _fixture.NewFolder();
        foreach (string file in Directory.GetFiles(_fixture.ApiDirectory, "*.txt"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(copy, "extras"));
        foreach (string file in Directory.GetFiles(Path.Combine(_fixture.ApiDirectory, "extras")))
        {
            File.Copy(file, Path.Combine(copy, "extras", Path.GetFileName(file)));
        }

        string before = StubGenerator.CacheKey(copy);
        Assert.Equal(StubGenerator.CacheKey(_fixture.ApiDirectory), before);
        File.AppendAllText(Path.Combine(copy, "nanoFramework.System.Math.txt"), "# changed\n");

        Assert.NotEqual(before, StubGenerator.CacheKey(copy));
    }

    [Fact]
    public void SpanByteIsARefStructAndDateTimeKindLocalIsAnObsoleteError()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("probe", references: [_fixture.Stubs.Reference("mscorlib")]);
        INamedTypeSymbol span = compilation.GetTypeByMetadataName("System.SpanByte")!;
        Assert.True(span.IsRefLikeType);
        Assert.True(span.IsReadOnly);
        IFieldSymbol local = compilation.GetTypeByMetadataName("System.DateTimeKind")!.GetMembers("Local").OfType<IFieldSymbol>().Single();
        AttributeData obsolete = local.GetAttributes().Single(a => a.AttributeClass!.Name == "ObsoleteAttribute");
        Assert.Equal(true, obsolete.ConstructorArguments[1].Value);
        Assert.Null(compilation.GetTypeByMetadataName("System.Collections.Generic.List`1"));
        Assert.Null(compilation.GetTypeByMetadataName("System.Math"));
    }
}
