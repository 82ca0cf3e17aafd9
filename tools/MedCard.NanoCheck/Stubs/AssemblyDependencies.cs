using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MedCard.NanoCheck.Api;

namespace MedCard.NanoCheck.Stubs;

/// <summary>
/// Assembly references are not listed in the data: derive them from the assembly of every type that a
/// stub assembly's public surface names (bases, interfaces, signatures, default values), then order the
/// assemblies so each is compiled after everything it references.
/// </summary>
public static partial class AssemblyDependencies
{
    public const string CoreLibrary = "mscorlib";

    /// <summary>Direct references of each assembly (mscorlib for all but itself).</summary>
    public static Dictionary<string, HashSet<string>> Direct(ApiDataSet data)
    {
        var deps = data.AssemblyNames.ToDictionary(a => a, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (ApiType type in data.Types.Values)
        {
            HashSet<string> set = deps[type.Assembly];
            var names = new List<string>();
            if (type.BaseType is not null)
            {
                names.Add(type.BaseType);
            }

            names.AddRange(type.Interfaces);
            foreach (ApiMember m in type.Members)
            {
                if (m.Type is not null)
                {
                    names.Add(m.Type);
                }

                foreach (ApiParameter p in m.Parameters)
                {
                    names.Add(p.Type);
                    if (p.DefaultValue is not null)
                    {
                        names.AddRange(TypesInLiteral(p.DefaultValue, data));
                    }
                }
            }

            foreach (string name in names)
            {
                string? assembly = data.AssemblyOf(ElementType(name));
                if (assembly is not null && assembly != type.Assembly)
                {
                    set.Add(assembly);
                }
            }
        }

        foreach (var (assembly, set) in deps)
        {
            if (assembly != CoreLibrary)
            {
                set.Add(CoreLibrary);
            }
        }

        return deps;
    }

    /// <summary>Everything an assembly needs to compile: the transitive closure of its references.</summary>
    public static HashSet<string> Closure(string assembly, Dictionary<string, HashSet<string>> direct)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(direct[assembly]);
        while (pending.Count > 0)
        {
            string next = pending.Pop();
            if (result.Add(next))
            {
                foreach (string d in direct[next])
                {
                    pending.Push(d);
                }
            }
        }

        return result;
    }

    /// <summary>Topological order (dependencies first); throws on a cycle, which the data must not have.</summary>
    public static List<string> BuildOrder(Dictionary<string, HashSet<string>> direct)
    {
        var order = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string assembly in direct.Keys.OrderBy(a => a, StringComparer.Ordinal))
        {
            Visit(assembly);
        }

        return order;

        void Visit(string assembly)
        {
            state.TryGetValue(assembly, out int s);
            if (s == 2)
            {
                return;
            }

            if (s == 1)
            {
                throw new InvalidOperationException("assembly reference cycle through " + assembly);
            }

            state[assembly] = 1;
            foreach (string d in direct[assembly].OrderBy(a => a, StringComparer.Ordinal))
            {
                Visit(d);
            }

            state[assembly] = 2;
            order.Add(assembly);
        }
    }

    private static string ElementType(string name)
    {
        string t = name.TrimEnd('&');
        while (t.EndsWith("[]", StringComparison.Ordinal))
        {
            t = t[..^2];
        }

        return t;
    }

    /// <summary>Type names inside a default-value literal such as <c>(global::System.IO.Ports.Parity)0</c>.</summary>
    private static IEnumerable<string> TypesInLiteral(string literal, ApiDataSet data)
    {
        foreach (Match match in GlobalName().Matches(literal))
        {
            string candidate = match.Groups[1].Value;
            while (candidate.Length > 0 && !data.Types.ContainsKey(candidate))
            {
                int dot = candidate.LastIndexOf('.');
                candidate = dot < 0 ? "" : candidate[..dot];
            }

            if (candidate.Length > 0)
            {
                yield return candidate;
            }
        }
    }

    [GeneratedRegex(@"global::([A-Za-z_][A-Za-z0-9_.]*)")]
    private static partial Regex GlobalName();
}
