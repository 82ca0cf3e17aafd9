using System;
using MedCard.Firmware.App.Adapters;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Adapters
{
    /// <summary>The pin-matrix, clock, entropy and CRC adapters.</summary>
    public sealed class SmallAdapterTests : ModelReset
    {
        [Fact]
        public void UartAndSpiPinsAreRoutedToTheRequestedGpios()
        {
            Esp32PinFunctions.MapUart("COM2", 17, 16);
            Esp32PinFunctions.MapSpi(1, 18, 19, 23);
            Assert.Equal(17, Configuration.GetFunctionPin(DeviceFunction.COM2_TX));
            Assert.Equal(16, Configuration.GetFunctionPin(DeviceFunction.COM2_RX));
            Assert.Equal(18, Configuration.GetFunctionPin(DeviceFunction.SPI1_CLOCK));
            Assert.Equal(19, Configuration.GetFunctionPin(DeviceFunction.SPI1_MISO));
            Assert.Equal(23, Configuration.GetFunctionPin(DeviceFunction.SPI1_MOSI));
        }

        [Fact]
        public void TheDebuggersUartAndUnknownBusesAreRefused()
        {
            Assert.Throws<ArgumentException>(() => Esp32PinFunctions.MapUart("COM1", 1, 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => Esp32PinFunctions.MapSpi(3, 1, 2, 3));
            Assert.Equal(-1, Configuration.GetFunctionPin(DeviceFunction.COM2_TX));
        }

        [Fact]
        public void WallClockIsUnsetUntilTheRtcAcceptsATime()
        {
            RtcWallClock clock = new RtcWallClock();
            Assert.False(clock.IsSet);
            Assert.Equal(0u, clock.UtcSeconds);

            Rtc.Accepts = false;
            clock.SetUtcSeconds(1_700_000_000);
            Assert.False(clock.IsSet);

            Rtc.Accepts = true;
            clock.SetUtcSeconds(1_700_000_000);
            Assert.True(clock.IsSet);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).UtcDateTime, Rtc.LastSet);
            Assert.Equal(DateTimeKind.Utc, Rtc.LastSet!.Value.Kind);
        }

        [Fact]
        public void TickClockNeverGoesBack()
        {
            TickCountClock clock = new TickCountClock();
            long previous = clock.NowMs;
            for (int i = 0; i < 1000; i++)
            {
                long now = clock.NowMs;
                Assert.True(now >= previous);
                previous = now;
            }
        }

        [Fact]
        public void EntropyFillsExactlyTheRange()
        {
            byte[] buffer = new byte[40];
            new RandomEntropySource().NextBytes(buffer, 3, 34);
            Assert.Equal(0, buffer[0] | buffer[1] | buffer[2] | buffer[37] | buffer[38] | buffer[39]);
            int nonZero = 0;
            for (int i = 3; i < 37; i++)
            {
                nonZero += buffer[i] != 0 ? 1 : 0;
            }

            Assert.True(nonZero > 20);
            Assert.Throws<ArgumentException>(() => new RandomEntropySource().NextBytes(buffer, 10, 31));
        }

        [Fact]
        public void CrcAOfHltaIs57Cd()
        {
            // ISO/IEC 14443-3 HLTA: 50 00 followed by its CRC_A 57 CD.
            byte[] hlta = { 0x50, 0x00, 0, 0 };
            Iso14443Crc.Append(hlta, 0, 2);
            Assert.Equal(new byte[] { 0x50, 0x00, 0x57, 0xCD }, hlta);
            Assert.True(Iso14443Crc.Check(hlta, 0, 2));
            hlta[1] = 1;
            Assert.False(Iso14443Crc.Check(hlta, 0, 2));
        }
    }
}
