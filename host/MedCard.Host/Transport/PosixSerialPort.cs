using System;
using MedCard.Host.Transport.Posix;

namespace MedCard.Host.Transport
{
    /// <summary>
    /// A serial port on Linux or macOS through termios: raw 8N1 at a standard baud rate, exclusive,
    /// with DTR/RTS set explicitly at open and close. Also opens pseudo-terminal slaves, which is how
    /// the simulator and the tests use it.
    /// </summary>
    public sealed class PosixSerialPort : FileDescriptorTransport
    {
        private readonly SerialPortSettings _settings;

        /// <summary>The serial device at <paramref name="path"/>, opened with <paramref name="settings"/> (115200 baud by default) by OpenAsync.</summary>
        public PosixSerialPort(string path, SerialPortSettings? settings = null)
            : base(path)
        {
            ArgumentException.ThrowIfNullOrEmpty(path);
            Path = path;
            _settings = settings ?? SerialPortSettings.Default;
        }

        /// <summary>The device path.</summary>
        public string Path { get; }

        /// <summary>Baud rate and modem-line handling.</summary>
        public SerialPortSettings Settings => _settings;

        /// <summary>False when the device has no modem lines (pseudo-terminals, some bridges): DTR/RTS requests were skipped.</summary>
        public bool ModemLinesSupported { get; private set; }

        /// <inheritdoc />
        protected override int OpenDescriptor()
        {
            PosixPlatform p = PosixPlatform.Current;
            int fd = LibC.Open(Path, p.ORdWr | p.ONoCtty | p.ONonBlock | p.OCloExec);
            if (fd < 0)
            {
                int errno = LibC.LastErrno;
                throw new SerialPortException(Path, errno, ExplainOpenError(Path, errno));
            }
            try
            {
                if (_settings.Exclusive)
                {
                    TakeExclusive(fd);
                }
                Termios.MakeRaw8N1(fd, _settings.BaudRate, hangUpOnClose: false, Path);
                ModemLinesSupported = ModemLines.Apply(fd, _settings.LinesAtOpen, out int modemErrno);
                if (!ModemLinesSupported && modemErrno != PosixPlatform.ENotTy && modemErrno != PosixPlatform.EInval)
                {
                    throw new SerialPortException(Path, modemErrno, "Could not set DTR/RTS on " + Path + ": " + LibC.Describe(modemErrno) + ".");
                }
                if (_settings.FlushOnOpen)
                {
                    LibC.TcFlush(fd, PosixPlatform.Current.TcIFlush);
                }
                return fd;
            }
            catch
            {
                LibC.Close(fd);
                throw;
            }
        }

        /// <inheritdoc />
        protected override void BeforeCloseDescriptor(int fd)
        {
            if (ModemLinesSupported)
            {
                ModemLines.Apply(fd, _settings.LinesAtClose, out _);
            }
            if (_settings.Exclusive)
            {
                LibC.Ioctl(fd, PosixPlatform.Current.TiocNxcl);
            }
            // The flock goes away with the descriptor.
        }

        private void TakeExclusive(int fd)
        {
            if (LibC.Flock(fd, PosixPlatform.LockEx | PosixPlatform.LockNb) != 0)
            {
                int errno = LibC.LastErrno;
                throw new SerialPortException(Path, PosixPlatform.EBusy,
                    Path + " is already in use by another program or another MedCard connection (flock: " + LibC.Describe(errno)
                    + "). Close the other user (a serial monitor, ModemManager, a second ReaderClient) and retry.");
            }
            if (LibC.Ioctl(fd, PosixPlatform.Current.TiocExcl) != 0)
            {
                int errno = LibC.LastErrno;
                if (errno != PosixPlatform.ENotTy && errno != PosixPlatform.EInval)
                {
                    throw new SerialPortException(Path, errno, "Could not open " + Path + " exclusively (TIOCEXCL): " + LibC.Describe(errno) + ".");
                }
            }
        }

        internal static string ExplainOpenError(string path, int errno) => errno switch
        {
            PosixPlatform.ENoEnt => "Serial port " + path + " does not exist. Is the reader plugged in? List ports with SerialPortEnumerator.List() (or `ls /dev/serial/by-id`).",
            PosixPlatform.EAcces or PosixPlatform.EPerm => "Permission denied opening " + path + ". On Linux add your user to the group owning the device "
                + "(usually `dialout`, on Arch `uucp`): `sudo usermod -aG dialout $USER`, then log out and in again.",
            PosixPlatform.EBusy => "Serial port " + path + " is busy: another program holds it exclusively (a serial monitor, ModemManager, another MedCard client).",
            PosixPlatform.ENxio or PosixPlatform.ENoDev => "Serial port " + path + " exists but no device answers behind it (unplugged adapter, or a pty whose master is closed).",
            _ => "Could not open serial port " + path + ": " + LibC.Describe(errno) + ".",
        };
    }
}
