using System;

namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>
    /// Thrown by <see cref="FakeByteStore"/> when a simulated power cut interrupts a write: the code under test
    /// stops right there, as a CPU losing power would. Deliberately not an IOException, so no storage code can
    /// "handle" it.
    /// </summary>
    public class PowerCutException : Exception
    {
        public PowerCutException(string message)
            : base(message)
        {
        }
    }
}
