using System;
using System.Collections.Generic;

namespace MedCard.NanoCheck.Api;

/// <summary>
/// Splits a member line of the lists (<c>Decl::Name(P1,P2):Ret</c>, <c>Decl::Name:Type</c>) into parts.
/// Signatures in the data hold no constructed generics, so commas only separate parameters.
/// </summary>
public readonly record struct MemberLine(string DeclaringType, string Name, IReadOnlyList<string> ParameterTypes, bool HasParameterList, string? Type)
{
    public static MemberLine Parse(string line)
    {
        int sep = line.IndexOf("::", StringComparison.Ordinal);
        if (sep < 0)
        {
            throw new FormatException("member line without '::': " + line);
        }

        string declaring = line[..sep];
        string rest = line[(sep + 2)..];
        int open = rest.IndexOf('(');
        int colon = rest.IndexOf(':');
        if (open >= 0 && (colon < 0 || open < colon))
        {
            int close = rest.IndexOf(')', open);
            string name = rest[..open];
            string inner = rest[(open + 1)..close];
            string[] types = inner.Length == 0 ? [] : inner.Split(',');
            string after = rest[(close + 1)..];
            string? ret = after.StartsWith(':') ? after[1..] : null;
            return new MemberLine(declaring, name, types, true, ret);
        }

        if (colon < 0)
        {
            throw new FormatException("member line without type: " + line);
        }

        return new MemberLine(declaring, rest[..colon], [], false, rest[(colon + 1)..]);
    }
}
