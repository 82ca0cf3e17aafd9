using System;

namespace MedCard.Host.Transport.Posix
{
    /// <summary>
    /// Numeric values that differ between Linux and macOS: open flags, ioctl requests, termios
    /// layout and flags, errno. Values are from the kernels' and libcs' public headers
    /// (asm-generic/termbits.h, asm-generic/ioctls.h, fcntl.h; Darwin sys/termios.h, sys/ttycom.h).
    /// </summary>
    internal sealed class PosixPlatform
    {
        internal static readonly PosixPlatform Current = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? Darwin() : Linux();

        internal bool IsLinux { get; private init; }

        // open(2)
        internal int ORdWr { get; private init; }
        internal int ONoCtty { get; private init; }
        internal int ONonBlock { get; private init; }
        internal int OCloExec { get; private init; }

        // ioctl(2) requests
        internal nuint TiocExcl { get; private init; }
        internal nuint TiocNxcl { get; private init; }
        internal nuint TiocMGet { get; private init; }
        internal nuint TiocMBis { get; private init; }
        internal nuint TiocMBic { get; private init; }
        internal int TiocmDtr { get; private init; }
        internal int TiocmRts { get; private init; }

        // termios layout: tcflag_t is 4 bytes on Linux, 8 (unsigned long) on 64-bit macOS.
        internal int TermiosSize { get; private init; }
        internal int CflagOffset { get; private init; }
        internal int TcflagSize { get; private init; }
        internal int CcOffset { get; private init; }
        internal int VMin { get; private init; }
        internal int VTime { get; private init; }

        // c_cflag bits
        internal ulong CStopB { get; private init; }
        internal ulong CRead { get; private init; }
        internal ulong ParEnb { get; private init; }
        internal ulong HupCl { get; private init; }
        internal ulong CLocal { get; private init; }
        internal ulong CRtsCts { get; private init; }

        // errno
        internal int EAgain { get; private init; }
        internal const int EIntr = 4;
        internal const int EIo = 5;
        internal const int ENxio = 6;
        internal const int ENoEnt = 2;
        internal const int EAcces = 13;
        internal const int EBusy = 16;
        internal const int ENoDev = 19;
        internal const int EInval = 22;
        internal const int ENotTy = 25;
        internal const int EPerm = 1;

        // poll(2) bits: identical on both.
        internal const short PollIn = 0x001;
        internal const short PollOut = 0x004;
        internal const short PollErr = 0x008;
        internal const short PollHup = 0x010;
        internal const short PollNval = 0x020;

        // flock(2): identical on both.
        internal const int LockEx = 2;
        internal const int LockNb = 4;

        internal const int TcsaNow = 0;

        // tcflush(3) queue selector for "discard received, unread input".
        internal int TcIFlush { get; private init; }

        private static PosixPlatform Linux() => new PosixPlatform
        {
            IsLinux = true,
            ORdWr = 0x2,
            ONoCtty = 0x100,
            ONonBlock = 0x800,
            OCloExec = 0x80000,
            TiocExcl = 0x540C,
            TiocNxcl = 0x540D,
            TiocMGet = 0x5415,
            TiocMBis = 0x5416,
            TiocMBic = 0x5417,
            TiocmDtr = 0x002,
            TiocmRts = 0x004,
            // struct termios { c_iflag, c_oflag, c_cflag, c_lflag; c_line; c_cc[32]; c_ispeed, c_ospeed }
            TermiosSize = 60,
            CflagOffset = 8,
            TcflagSize = 4,
            CcOffset = 17,
            VTime = 5,
            VMin = 6,
            CStopB = 0x40,
            CRead = 0x80,
            ParEnb = 0x100,
            HupCl = 0x400,
            CLocal = 0x800,
            CRtsCts = 0x80000000,
            EAgain = 11,
            TcIFlush = 0,
        };

        private static PosixPlatform Darwin() => new PosixPlatform
        {
            IsLinux = false,
            ORdWr = 0x2,
            ONoCtty = 0x20000,
            ONonBlock = 0x4,
            OCloExec = 0x1000000,
            TiocExcl = 0x2000740D,
            TiocNxcl = 0x2000740E,
            TiocMGet = 0x4004746A,
            TiocMBis = 0x8004746C,
            TiocMBic = 0x8004746B,
            TiocmDtr = 0x002,
            TiocmRts = 0x004,
            // struct termios { tcflag_t c_iflag, c_oflag, c_cflag, c_lflag; cc_t c_cc[20]; speed_t c_ispeed, c_ospeed }
            TermiosSize = 72,
            CflagOffset = 16,
            TcflagSize = 8,
            CcOffset = 32,
            VMin = 16,
            VTime = 17,
            CStopB = 0x400,
            CRead = 0x800,
            ParEnb = 0x1000,
            HupCl = 0x4000,
            CLocal = 0x8000,
            CRtsCts = 0x30000,
            EAgain = 35,
            TcIFlush = 1,
        };

        /// <summary>
        /// The value cfsetispeed/cfsetospeed expect for a baud rate: Linux uses the Bxxx codes,
        /// macOS the numeric rate itself. Returns false for rates Linux has no code for.
        /// </summary>
        internal bool TryGetSpeedCode(int baudRate, out nuint code)
        {
            if (!IsLinux)
            {
                code = (nuint)baudRate;
                return baudRate > 0;
            }
            code = baudRate switch
            {
                50 => 1, 75 => 2, 110 => 3, 134 => 4, 150 => 5, 200 => 6, 300 => 7, 600 => 8,
                1200 => 9, 1800 => 10, 2400 => 11, 4800 => 12, 9600 => 13, 19200 => 14, 38400 => 15,
                57600 => 0x1001, 115200 => 0x1002, 230400 => 0x1003, 460800 => 0x1004,
                500000 => 0x1005, 576000 => 0x1006, 921600 => 0x1007, 1000000 => 0x1008,
                1152000 => 0x1009, 1500000 => 0x100A, 2000000 => 0x100B, 2500000 => 0x100C,
                3000000 => 0x100D, 3500000 => 0x100E, 4000000 => 0x100F,
                _ => 0,
            };
            return code != 0;
        }
    }
}
