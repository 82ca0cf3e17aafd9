using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MedCard.NanoCheck.Api;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace MedCard.NanoCheck.Stubs;

/// <summary>
/// Generates the stub assemblies from the API data and compiles them, in dependency order, to
/// <c>&lt;output&gt;/&lt;key&gt;/&lt;Assembly&gt;.dll</c>. The key hashes the data files and this
/// generator's own build, so the stubs are regenerated only when either changes. When the real nanoFramework
/// mscorlib is restored (<see cref="RealCoreLibrary"/>), the other stubs are compiled against it instead of the mscorlib
/// stub (which is still written, for the comparison test), so firmware code sees one mscorlib identity; the key then
/// also hashes that file. Generation happens in a private temporary folder that is renamed into place, so concurrent
/// runs never see half a set.
/// </summary>
public static class StubGenerator
{
    private const string ManifestName = "manifest.txt";

    public static StubSet Ensure(string apiDirectory, string outputRoot, bool force = false, TextWriter? log = null)
    {
        string? realCoreLibrary = RealCoreLibrary.Locate();
        string key = CacheKey(apiDirectory, realCoreLibrary);
        string target = Path.Combine(outputRoot, key);
        if (!force && TryLoad(target, realCoreLibrary, out StubSet? cached))
        {
            return cached;
        }

        ApiDataSet data = ApiDataSet.Load(apiDirectory);
        Directory.CreateDirectory(outputRoot);
        string temp = Path.Combine(outputRoot, key + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(temp);
        try
        {
            Generate(data, temp, log, realCoreLibrary);
            if (force && Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            try
            {
                Directory.Move(temp, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another process finished the same key first; its output is identical.
                Directory.Delete(temp, recursive: true);
            }
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            throw;
        }

        RemoveStaleSets(outputRoot, key);
        if (!TryLoad(target, realCoreLibrary, out StubSet? fresh))
        {
            throw new IOException("stub output incomplete at " + target);
        }

        return new StubSet(fresh.Directory, fresh.AssemblyPaths, regenerated: true, realCoreLibrary);
    }

    /// <summary>The cache folder name: data hash and generator build identity.</summary>
    public static string CacheKey(string apiDirectory) => CacheKey(apiDirectory, RealCoreLibrary.Locate());

    private static string CacheKey(string apiDirectory, string? realCoreLibrary)
    {
        string generator = typeof(StubGenerator).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        string dataHash = ApiDataSet.ComputeHash(apiDirectory);
        string corlib = realCoreLibrary is null ? "stub" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(realCoreLibrary)));
        byte[] combined = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(dataHash + "|" + generator + "|" + corlib));
        return Convert.ToHexString(combined)[..16].ToLowerInvariant();
    }

    /// <summary>Generates and compiles every assembly into <paramref name="directory"/>; throws with the compiler errors on failure.</summary>
    public static void Generate(ApiDataSet data, string directory, TextWriter? log = null, string? realCoreLibrary = null)
    {
        Dictionary<string, HashSet<string>> direct = AssemblyDependencies.Direct(data);
        var writer = new StubSourceWriter(data);
        var built = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
        var manifest = new StringBuilder();
        string sourceDir = Path.Combine(directory, "src");
        Directory.CreateDirectory(sourceDir);
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp9);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable, deterministic: true)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS0660"] = ReportDiagnostic.Suppress, // == without Equals override in stubs is fine
                ["CS0661"] = ReportDiagnostic.Suppress,
            });

        foreach (string assembly in AssemblyDependencies.BuildOrder(direct))
        {
            string source = writer.Write(assembly);
            string sourcePath = Path.Combine(sourceDir, assembly + ".cs");
            File.WriteAllText(sourcePath, source);
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, parseOptions, sourcePath, Encoding.UTF8);
            var references = AssemblyDependencies.Closure(assembly, direct).Select(a => built[a]).ToList();
            var compilation = CSharpCompilation.Create(assembly, [tree], references, options);
            string dllPath = Path.Combine(directory, assembly + ".dll");
            EmitResult result;
            using (var stream = File.Create(dllPath))
            {
                result = compilation.Emit(stream);
            }

            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (!result.Success || errors.Count > 0)
            {
                throw new InvalidOperationException("stub assembly " + assembly + " does not compile (" + errors.Count + " errors):" + Environment.NewLine
                    + string.Join(Environment.NewLine, errors.Take(40).Select(e => e.ToString())));
            }

            built[assembly] = assembly == AssemblyDependencies.CoreLibrary && realCoreLibrary is not null
                ? MetadataReference.CreateFromFile(realCoreLibrary)
                : MetadataReference.CreateFromFile(dllPath);
            manifest.Append(assembly).Append('\t').Append(assembly + ".dll").Append('\n');
            log?.WriteLine("stub " + assembly + " (" + string.Join(", ", direct[assembly].OrderBy(a => a, StringComparer.Ordinal)) + ")");
        }

        // The manifest is written last: its presence marks a complete set.
        File.WriteAllText(Path.Combine(directory, ManifestName), manifest.ToString());
    }

    /// <summary>
    /// Every rebuild of the tool gets a new key, so old sets pile up. Keep the newest few (another
    /// process may still be using one) and drop abandoned temporary folders older than an hour.
    /// </summary>
    private static void RemoveStaleSets(string outputRoot, string currentKey)
    {
        const int keep = 3;
        try
        {
            var dirs = new DirectoryInfo(outputRoot).GetDirectories();
            var stale = dirs.Where(d => !d.Name.Contains(".tmp-", StringComparison.Ordinal) && d.Name != currentKey)
                .OrderByDescending(d => d.LastWriteTimeUtc)
                .Skip(keep - 1)
                .Concat(dirs.Where(d => d.Name.Contains(".tmp-", StringComparison.Ordinal) && d.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-1)));
            foreach (DirectoryInfo dir in stale)
            {
                dir.Delete(recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Housekeeping only: a set in use elsewhere may refuse deletion; try again next time.
        }
    }

    private static bool TryLoad(string directory, string? realCoreLibrary, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StubSet? set)
    {
        set = null;
        string manifest = Path.Combine(directory, ManifestName);
        if (!File.Exists(manifest))
        {
            return false;
        }

        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(manifest).Where(l => l.Length > 0))
        {
            string[] f = line.Split('\t');
            string path = Path.Combine(directory, f[1]);
            if (!File.Exists(path))
            {
                return false;
            }

            paths[f[0]] = path;
        }

        set = new StubSet(directory, paths, regenerated: false, realCoreLibrary);
        return true;
    }
}
