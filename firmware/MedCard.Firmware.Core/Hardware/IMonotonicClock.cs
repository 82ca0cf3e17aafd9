namespace MedCard.Firmware.Hardware
{
    /// <summary>
    /// Milliseconds since boot; never goes backwards, unaffected by wall-clock changes
    /// (Environment.TickCount64 on the device). Every timeout in the core is measured with it.
    /// </summary>
    public interface IMonotonicClock
    {
        /// <summary>Milliseconds since boot.</summary>
        long NowMs { get; }
    }
}
