namespace MedCard.Host.Transport.Posix
{
    /// <summary>Sets DTR and RTS together with one TIOCMBIS or TIOCMBIC ioctl.</summary>
    internal static class ModemLines
    {
        /// <summary>Returns false (with errno) when the device has no modem lines or the ioctl failed.</summary>
        internal static unsafe bool Apply(int fd, ModemLineState state, out int errno)
        {
            errno = 0;
            if (state == ModemLineState.Unchanged)
            {
                return true;
            }
            PosixPlatform p = PosixPlatform.Current;
            int bits = p.TiocmDtr | p.TiocmRts;
            nuint request = state == ModemLineState.BothAsserted ? p.TiocMBis : p.TiocMBic;
            if (LibC.Ioctl(fd, request, &bits) != 0)
            {
                errno = LibC.LastErrno;
                return false;
            }
            return true;
        }

        /// <summary>Reads the modem status bits (TIOCMGET), or -1 when unsupported.</summary>
        internal static unsafe int Read(int fd)
        {
            int bits = 0;
            return LibC.Ioctl(fd, PosixPlatform.Current.TiocMGet, &bits) != 0 ? -1 : bits;
        }
    }
}
