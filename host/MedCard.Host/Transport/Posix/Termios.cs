using System;

namespace MedCard.Host.Transport.Posix
{
    /// <summary>
    /// Puts a tty into raw 8N1 at a given speed. The termios structure is handled as an opaque
    /// buffer: libc's own cfmakeraw/cfset*speed do the portable part, and only c_cflag and
    /// c_cc[VMIN]/c_cc[VTIME] are edited at the platform's offsets.
    /// </summary>
    internal static class Termios
    {
        // Larger than any platform's struct termios, so a layout mistake cannot overrun.
        private const int BufferSize = 256;

        internal static unsafe void MakeRaw8N1(int fd, int baudRate, bool hangUpOnClose, string path)
        {
            PosixPlatform p = PosixPlatform.Current;
            if (!p.TryGetSpeedCode(baudRate, out nuint speed))
            {
                throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate,
                    "Not a standard baud rate on this system; use one of 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, ...");
            }

            byte[] t = new byte[BufferSize];
            fixed (byte* tp = t)
            {
                if (LibC.TcGetAttr(fd, tp) != 0)
                {
                    int errno = LibC.LastErrno;
                    throw new SerialPortException(path, errno, path + " is not a terminal device (tcgetattr failed: " + LibC.Describe(errno) + ").");
                }
                LibC.CfMakeRaw(tp);

                ulong cflag = ReadFlag(t, p.CflagOffset, p.TcflagSize);
                // 8 data bits come from cfmakeraw; here: 1 stop bit, no parity, no hardware flow
                // control, ignore modem status (CLOCAL) and enable the receiver.
                cflag &= ~(p.CStopB | p.ParEnb | p.CRtsCts);
                cflag |= p.CLocal | p.CRead;
                // HUPCL drops DTR/RTS on the last close: leave that to ModemLines, which sets them
                // explicitly, so closing never produces an edge the caller did not ask for.
                cflag = hangUpOnClose ? cflag | p.HupCl : cflag & ~p.HupCl;
                WriteFlag(t, p.CflagOffset, p.TcflagSize, cflag);

                // Non-blocking fd + poll(): VMIN=1/VTIME=0 makes a 0-byte read() mean end of file.
                t[p.CcOffset + p.VMin] = 1;
                t[p.CcOffset + p.VTime] = 0;

                if (LibC.CfSetISpeed(tp, speed) != 0 || LibC.CfSetOSpeed(tp, speed) != 0)
                {
                    int errno = LibC.LastErrno;
                    throw new SerialPortException(path, errno, "Baud rate " + baudRate + " refused for " + path + ": " + LibC.Describe(errno) + ".");
                }
                if (LibC.TcSetAttr(fd, PosixPlatform.TcsaNow, tp) != 0)
                {
                    int errno = LibC.LastErrno;
                    throw new SerialPortException(path, errno, "Could not configure " + path + " (tcsetattr): " + LibC.Describe(errno) + ".");
                }
            }
        }

        private static ulong ReadFlag(byte[] t, int offset, int size) =>
            size == 4 ? BitConverter.ToUInt32(t, offset) : BitConverter.ToUInt64(t, offset);

        private static void WriteFlag(byte[] t, int offset, int size, ulong value)
        {
            if (size == 4)
            {
                BitConverter.TryWriteBytes(t.AsSpan(offset, 4), (uint)value);
            }
            else
            {
                BitConverter.TryWriteBytes(t.AsSpan(offset, 8), value);
            }
        }
    }
}
