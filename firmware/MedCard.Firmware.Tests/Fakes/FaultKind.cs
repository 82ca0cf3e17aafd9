namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>What goes wrong at a storage operation (<see cref="StorageFault"/>).</summary>
    public enum FaultKind
    {
        /// <summary>The power fails during the operation: the CPU stops (a <see cref="PowerCutException"/>).</summary>
        PowerCut = 0,

        /// <summary>
        /// The operation fails and the device keeps running (a flash or driver error; the next operation may work):
        /// Read, Write and Delete throw IOException; Exists answers false, as nanoFramework's <c>File.Exists</c> does
        /// for any error.
        /// </summary>
        TransientError = 1,
    }
}
