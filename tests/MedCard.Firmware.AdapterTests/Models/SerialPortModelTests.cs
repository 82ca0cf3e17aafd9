using System;
using System.IO.Ports;
using System.Threading;
using MedCard.Firmware.AdapterTests.NanoModels.Ports;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Models
{
    /// <summary>The SerialPort model blocks, times out, overflows and shares its buffer size like the ESP32 driver.</summary>
    public sealed class SerialPortModelTests : ModelReset
    {
        [Fact]
        public void TimeoutsDefaultToInfinite()
        {
            using SerialPort port = new SerialPort("COM2", 115200);
            Assert.Equal(Timeout.Infinite, port.ReadTimeout);
            Assert.Equal(Timeout.Infinite, port.WriteTimeout);
        }

        [Fact]
        public void ReadWaitsForAllRequestedBytesNotJustTheFirst()
        {
            using SerialPort port = new SerialPort("COM2", 115200);
            port.Open();
            SerialWire.HostSends("COM2", 1, 2);
            byte[] buffer = new byte[4];
            int read = -1;
            Thread reader = new Thread(() => read = port.Read(buffer, 0, 4));
            reader.Start();

            // Two bytes are waiting, four were asked for: the reader must still be inside Read.
            Assert.False(reader.Join(200));
            SerialWire.HostSends("COM2", 3, 4);
            Assert.True(reader.Join(TimeSpan.FromSeconds(10)));
            Assert.Equal(4, read);
            Assert.Equal(new byte[] { 1, 2, 3, 4 }, buffer);
        }

        [Fact]
        public void ReadWithATimeoutThrowsTimeoutAndKeepsTheBytes()
        {
            using SerialPort port = new SerialPort("COM2", 115200);
            port.ReadTimeout = 20;
            port.Open();
            SerialWire.HostSends("COM2", 7);
            Assert.Throws<TimeoutException>(() => port.Read(new byte[2], 0, 2));
            Assert.Equal(1, port.BytesToRead);
        }

        [Fact]
        public void ReadAndWriteCheckRangesLikeTheNativeCode()
        {
            using SerialPort port = new SerialPort("COM2", 115200);
            port.Open();
            Assert.Throws<InvalidOperationException>(() => port.Read(new byte[4], 5, 0));
            Assert.Throws<InvalidOperationException>(() => port.Write(new byte[4], 0, 5));
            Assert.Throws<ArgumentException>(() => port.Write(new byte[4], 2, 3));
            Assert.Throws<ArgumentNullException>(() => port.Write(null, 0, 0));
        }

        [Fact]
        public void OneBufferSizeServesBothDirectionsAndIsFixedOnceOpen()
        {
            using SerialPort port = new SerialPort("COM2", 115200);
            port.ReadBufferSize = 1024;
            port.WriteBufferSize = 300;
            Assert.Equal(300, port.ReadBufferSize);
            port.Open();
            Assert.Equal(300, SerialWire.ReceiveCapacity("COM2"));
            Assert.Throws<InvalidOperationException>(() => port.ReadBufferSize = 512);
        }

        [Fact]
        public void RingBufferNeverSmallerThanTheFifoAndDropsWhatDoesNotFit()
        {
            using SerialPort port = new SerialPort("COM2", 115200);
            port.ReadBufferSize = 16;
            port.Open();
            Assert.Equal(129, SerialWire.ReceiveCapacity("COM2"));
            Assert.Equal(129, SerialWire.HostSends("COM2", new byte[200]));
            Assert.Equal(0, SerialWire.HostSends("COM2", 1));
            Assert.Equal(129, port.BytesToRead);
        }

        [Fact]
        public void OnePortObjectPerComPortUntilDisposed()
        {
            SerialPort first = new SerialPort("COM2", 115200);
            Assert.Throws<ArgumentException>(() => new SerialPort("COM2", 9600));
            first.Open();
            Assert.Throws<InvalidOperationException>(() => first.Open());
            first.Dispose();
            Assert.Throws<ObjectDisposedException>(() => first.BytesToRead);
            using SerialPort second = new SerialPort("COM2", 9600);
            Assert.Equal("COM2", second.PortName);
        }
    }
}
