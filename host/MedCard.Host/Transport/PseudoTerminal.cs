using System;
using System.Runtime.InteropServices;
using MedCard.Host.Transport.Posix;

namespace MedCard.Host.Transport
{
    /// <summary>
    /// A pseudo-terminal pair (/dev/ptmx, grantpt, unlockpt, ptsname). This object is the master
    /// side, as a transport; <see cref="SlavePath"/> (e.g. /dev/pts/7) is what the other party opens
    /// like a serial port with <see cref="PosixSerialPort"/>. The simulator serves the reader on the
    /// master; tests use it to get a real tty without hardware.
    /// </summary>
    /// <remarks>
    /// This object holds one slave descriptor of its own, so the master survives the host closing
    /// and reopening the slave (a host reconnect); on Linux a master whose last slave closed reads
    /// EIO and polls as hung up. Call <see cref="DetachSlave"/> once the host has the slave open to
    /// make the master's stream end when the host leaves. The slave is put into raw mode here, before
    /// anyone writes, so the line discipline never echoes or translates bytes.
    /// </remarks>
    public sealed class PseudoTerminal : FileDescriptorTransport
    {
        private static readonly object PtsNameLock = new object();
        private readonly object _slaveGate = new object();
        private int _slaveKeepAlive = -1;

        /// <summary>A new pseudo-terminal pair; the reader (or simulator) opens <see cref="SlavePath"/>.</summary>
        public PseudoTerminal()
            : base("pty")
        {
        }

        /// <summary>
        /// Closes this object's own slave descriptor: from now on, the master's stream ends
        /// (<see cref="TransportCloseReason.PeerClosed"/>) when the last other slave user closes.
        /// </summary>
        public void DetachSlave()
        {
            lock (_slaveGate)
            {
                if (_slaveKeepAlive >= 0)
                {
                    LibC.Close(_slaveKeepAlive);
                    _slaveKeepAlive = -1;
                }
            }
        }

        /// <summary>The slave device path, valid after <see cref="FileDescriptorTransport.OpenAsync"/>.</summary>
        public string SlavePath { get; private set; } = "";

        /// <inheritdoc />
        protected override int OpenDescriptor()
        {
            PosixPlatform p = PosixPlatform.Current;
            // open("/dev/ptmx") is what posix_openpt does on Linux and macOS; calling it directly lets
            // O_NONBLOCK and O_CLOEXEC be set atomically, without the variadic fcntl.
            int master = LibC.Open("/dev/ptmx", p.ORdWr | p.ONoCtty | p.ONonBlock | p.OCloExec);
            if (master < 0)
            {
                int errno = LibC.LastErrno;
                throw new SerialPortException("/dev/ptmx", errno, "Could not allocate a pseudo-terminal (/dev/ptmx): " + LibC.Describe(errno) + ".");
            }
            try
            {
                if (LibC.GrantPt(master) != 0 || LibC.UnlockPt(master) != 0)
                {
                    int errno = LibC.LastErrno;
                    throw new SerialPortException("/dev/ptmx", errno, "Could not unlock the pseudo-terminal: " + LibC.Describe(errno) + ".");
                }
                SlavePath = GetSlaveName(master);

                int slave = LibC.Open(SlavePath, p.ORdWr | p.ONoCtty | p.ONonBlock | p.OCloExec);
                if (slave < 0)
                {
                    int errno = LibC.LastErrno;
                    throw new SerialPortException(SlavePath, errno, PosixSerialPort.ExplainOpenError(SlavePath, errno));
                }
                Termios.MakeRaw8N1(slave, 115200, hangUpOnClose: false, SlavePath);
                lock (_slaveGate)
                {
                    _slaveKeepAlive = slave;
                }
                return master;
            }
            catch
            {
                LibC.Close(master);
                throw;
            }
        }

        /// <inheritdoc />
        protected override void BeforeCloseDescriptor(int fd) => DetachSlave();

        /// <summary>On Linux the master reads EIO once every slave descriptor is closed: that is the peer leaving.</summary>
        protected override TransportCloseReason ClassifyReadError(int errno) =>
            errno == PosixPlatform.EIo ? TransportCloseReason.PeerClosed : TransportCloseReason.DeviceLost;

        private static unsafe string GetSlaveName(int master)
        {
            if (PosixPlatform.Current.IsLinux)
            {
                byte* buffer = stackalloc byte[128];
                if (LibC.PtsNameR(master, buffer, 128) != 0)
                {
                    int errno = LibC.LastErrno;
                    throw new SerialPortException("/dev/ptmx", errno, "ptsname_r failed: " + LibC.Describe(errno) + ".");
                }
                return Marshal.PtrToStringUTF8((IntPtr)buffer) ?? throw new SerialPortException("/dev/ptmx", 0, "ptsname_r returned no name.");
            }
            // ptsname() returns a static buffer: serialise callers in this process.
            lock (PtsNameLock)
            {
                IntPtr name = LibC.PtsName(master);
                if (name == IntPtr.Zero)
                {
                    int errno = LibC.LastErrno;
                    throw new SerialPortException("/dev/ptmx", errno, "ptsname failed: " + LibC.Describe(errno) + ".");
                }
                return Marshal.PtrToStringUTF8(name) ?? "";
            }
        }
    }
}
