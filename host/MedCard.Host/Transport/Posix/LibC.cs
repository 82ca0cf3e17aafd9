using System;
using System.Runtime.InteropServices;

namespace MedCard.Host.Transport.Posix
{
    /// <summary>
    /// The handful of libc calls the POSIX transports need. Structures whose layout differs between
    /// Linux and macOS (termios) are passed as opaque buffers and edited at platform offsets, see
    /// <see cref="Termios"/>.
    /// </summary>
    internal static partial class LibC
    {
        // "libc" is resolved by LibCResolver to libc.so.6 (Linux) or libSystem (macOS): the bare
        // "libc.so" on glibc systems is a linker script that dlopen cannot load.
        private const string Lib = "libc";

        [StructLayout(LayoutKind.Sequential)]
        internal struct PollFd
        {
            public int Fd;
            public short Events;
            public short Revents;
        }

        static LibC()
        {
            LibCResolver.EnsureRegistered();
        }

        [LibraryImport(Lib, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Open(string path, int flags);

        [LibraryImport(Lib, EntryPoint = "close", SetLastError = true)]
        internal static partial int Close(int fd);

        [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
        internal static unsafe partial nint Read(int fd, byte* buffer, nint count);

        [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
        internal static unsafe partial nint Write(int fd, byte* buffer, nint count);

        [LibraryImport(Lib, EntryPoint = "poll", SetLastError = true)]
        internal static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMs);

        [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
        internal static partial int Ioctl(int fd, nuint request);

        /// <summary>
        /// ioctl with an int* argument. ioctl is variadic: on Apple arm64 variadic arguments go on the
        /// stack, so the argument is pushed there by filling the six remaining argument registers.
        /// </summary>
        internal static unsafe int Ioctl(int fd, nuint request, int* argument) =>
            OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64
                ? IoctlDarwinArm64(fd, request, 0, 0, 0, 0, 0, 0, argument)
                : IoctlPointer(fd, request, argument);

        [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
        private static unsafe partial int IoctlPointer(int fd, nuint request, int* argument);

        [LibraryImport(Lib, EntryPoint = "ioctl", SetLastError = true)]
        private static unsafe partial int IoctlDarwinArm64(int fd, nuint request, nint r2, nint r3, nint r4, nint r5, nint r6, nint r7, int* argument);

        [LibraryImport(Lib, EntryPoint = "flock", SetLastError = true)]
        internal static partial int Flock(int fd, int operation);

        [LibraryImport(Lib, EntryPoint = "tcgetattr", SetLastError = true)]
        internal static unsafe partial int TcGetAttr(int fd, byte* termios);

        [LibraryImport(Lib, EntryPoint = "tcsetattr", SetLastError = true)]
        internal static unsafe partial int TcSetAttr(int fd, int optionalActions, byte* termios);

        [LibraryImport(Lib, EntryPoint = "cfmakeraw")]
        internal static unsafe partial void CfMakeRaw(byte* termios);

        [LibraryImport(Lib, EntryPoint = "cfsetispeed", SetLastError = true)]
        internal static unsafe partial int CfSetISpeed(byte* termios, nuint speed);

        [LibraryImport(Lib, EntryPoint = "cfsetospeed", SetLastError = true)]
        internal static unsafe partial int CfSetOSpeed(byte* termios, nuint speed);

        [LibraryImport(Lib, EntryPoint = "tcflush", SetLastError = true)]
        internal static partial int TcFlush(int fd, int queueSelector);

        [LibraryImport(Lib, EntryPoint = "grantpt", SetLastError = true)]
        internal static partial int GrantPt(int fd);

        [LibraryImport(Lib, EntryPoint = "unlockpt", SetLastError = true)]
        internal static partial int UnlockPt(int fd);

        // Linux only (glibc and musl); macOS has ptsname() or TIOCPTYGNAME instead.
        [LibraryImport(Lib, EntryPoint = "ptsname_r", SetLastError = true)]
        internal static unsafe partial int PtsNameR(int fd, byte* buffer, nuint length);

        [LibraryImport(Lib, EntryPoint = "ptsname", SetLastError = true)]
        internal static partial nint PtsName(int fd);

        /// <summary>The errno of the last call above, with its text, for error messages.</summary>
        internal static int LastErrno => Marshal.GetLastPInvokeError();

        internal static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno) + " (errno " + errno + ")";
    }
}
