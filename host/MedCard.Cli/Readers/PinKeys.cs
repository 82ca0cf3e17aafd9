using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace MedCard.Cli.Readers;

/// <summary>The keys a holder presses for a PIN, as keypad characters. Kept as a char array that is wiped on
/// dispose, never as a string the tool could print.</summary>
internal sealed class PinKeys : IDisposable
{
    private readonly char[] _keys;

    public PinKeys(ReadOnlySpan<char> typed)
    {
        _keys = typed.ToArray();
    }

    public IEnumerable<char> Presses()
    {
        foreach (char c in _keys)
        {
            yield return c;
        }
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_keys.AsSpan()));

    public override string ToString() => "PinKeys(****)";
}
