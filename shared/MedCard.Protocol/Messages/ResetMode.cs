namespace MedCard.Protocol
{
    /// <summary>What a Reset request does.</summary>
    public enum ResetMode : byte
    {
        /// <summary>Soft reboot; state, key and journal are kept.</summary>
        Reboot = 0,

        /// <summary>Wipes key, journal and hotlist, then reboots unprovisioned. The counter is kept (never restarts
        /// under the same reader id).</summary>
        FactoryWipe = 1,
    }
}
