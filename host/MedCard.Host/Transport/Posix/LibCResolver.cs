using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace MedCard.Host.Transport.Posix
{
    /// <summary>
    /// Maps the logical library name "libc" to the real C library of the running OS. Registered once
    /// for this assembly; no other assembly is affected.
    /// </summary>
    internal static class LibCResolver
    {
        private static int _registered;

        internal static void EnsureRegistered()
        {
            if (Interlocked.Exchange(ref _registered, 1) == 1)
            {
                return;
            }
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(LibCResolver).Assembly, Resolve);
            }
            catch (InvalidOperationException)
            {
                // An integrator already installed a resolver for this assembly; it takes precedence.
            }
        }

        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (name != "libc")
            {
                return IntPtr.Zero;
            }
            string[] candidates = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()
                ? new[] { "/usr/lib/libSystem.dylib", "libc" }
                : new[] { "libc.so.6", "libc.musl-x86_64.so.1", "libc.musl-aarch64.so.1", "libc" };
            foreach (string candidate in candidates)
            {
                if (NativeLibrary.TryLoad(candidate, out IntPtr handle))
                {
                    return handle;
                }
            }
            return IntPtr.Zero;
        }
    }
}
