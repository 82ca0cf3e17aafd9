using System.Reflection;
using System.Device.Spi;
using Iot.Device.Mfrc522;

namespace MedCard.Firmware.Mfrc522.Tests.Support
{
    /// <summary>
    /// The desktop binding with nanoFramework's <c>ReselectTarget</c>, the one place the two bindings differ on the
    /// adapter's paths. nanoframework/nanoFramework.IoT.Device at 122ebb1a, devices/Mfrc522/Mfrc522.cs, <c>ReselectTarget</c>:
    /// <c>Halt(); IsCardPresent(new byte[2]); return Select(...) == Status.Ok;</c> - REQA, whose result is ignored.
    /// dotnet/iot v4.2.0 src/devices/Mfrc522/Mfrc522.cs sends WUPA instead (<c>IsCardPresent(atqa, true)</c>). A card
    /// that went to HALT (after HLTA, or after an error once it had been woken from HALT) ignores REQA, so on the
    /// device <c>MifareCard.ReselectCard()</c> fails where the desktop one succeeds. The binding's private Select is
    /// reused so the rest of the exchange stays the real binding's.
    /// </summary>
    public sealed class NanoReselectMfRc522 : MfRc522
    {
        private static readonly MethodInfo SelectMethod =
            typeof(MfRc522).GetMethod("Select", BindingFlags.NonPublic | BindingFlags.Instance);

        /// <summary>Construct over SPI exactly as the base binding does.</summary>
        public NanoReselectMfRc522(SpiDevice spi)
            : base(spi)
        {
        }

        /// <inheritdoc/>
        public override bool ReselectTarget(byte targetNumber)
        {
            Halt();
            IsCardPresent(new byte[2]);
            object[] arguments = { null, (byte)0 };
            return (Status)SelectMethod.Invoke(this, arguments) == Status.Ok;
        }
    }
}
