using MedCard.Firmware.Tests.Fakes;

namespace MedCard.Firmware.Tests
{
    /// <summary>
    /// What <see cref="FaultEnumerator"/> runs once per scenario: boot over a fresh copy of the starting store, run the
    /// work while faults are armed (surviving power cuts by rebooting, as the device does), then, with the errors cleared,
    /// check the invariants. Must be deterministic, so that operation N of one run is operation N of the next.
    /// </summary>
    public interface IFaultWorkload
    {
        /// <summary>Boot the code under test over <paramref name="store"/> (no faults yet).</summary>
        void Start(FakeByteStore store);

        /// <summary>The faulted part. Power cuts are the workload's to survive (power on, reboot, carry on).</summary>
        void RunArmed();

        /// <summary>Faults cleared: use the code again, reboot, use it again; null when every invariant holds, else why not.</summary>
        string Finish();
    }
}
