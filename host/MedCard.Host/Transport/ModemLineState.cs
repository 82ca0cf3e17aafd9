namespace MedCard.Host.Transport
{
    /// <summary>What to do with DTR and RTS. Both lines change in one ioctl, so no half-state edge is produced by us.</summary>
    public enum ModemLineState
    {
        /// <summary>Do not touch them (the kernel raises both on open on Linux).</summary>
        Unchanged = 0,

        /// <summary>DTR and RTS both de-asserted: ESP32 auto-reset circuits stay idle.</summary>
        BothDeasserted = 1,

        /// <summary>DTR and RTS both asserted: also idle for the two-transistor circuit.</summary>
        BothAsserted = 2,
    }
}
