using System;
using System.IO.Ports;
using System.Threading;
using MedCard.Firmware.App.Adapters;
using MedCard.Firmware.AdapterTests.NanoModels.Ports;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Adapters
{
    /// <summary>SerialHostLink on the SerialPort model: never blocks in Read, sends exactly the sub-range, sizes its buffer.</summary>
    public sealed class SerialHostLinkTests : ModelReset
    {
        [Fact]
        public void OpensThePortAt8N1WithTheBufferItAsksFor()
        {
            SerialHostLink link = new SerialHostLink("COM2", 115200);
            SerialPort port = SerialWire.Port("COM2");
            Assert.True(port.IsOpen);
            Assert.Equal(115200, port.BaudRate);
            Assert.Equal(Parity.None, port.Parity);
            Assert.Equal(StopBits.One, port.StopBits);
            Assert.Equal(2048, SerialWire.ReceiveCapacity("COM2"));
            Assert.Equal(0, link.BytesAvailable);
        }

        [Fact]
        public void ReadAsksOnlyForWhatIsWaitingSoItNeverBlocks()
        {
            SerialHostLink link = new SerialHostLink("COM2", 115200);
            SerialWire.HostSends("COM2", 0x11, 0x22, 0x33);
            byte[] buffer = new byte[64];
            int read = -1;

            // The port's ReadTimeout is infinite: a Read for more than is waiting would never return.
            Thread poll = new Thread(() => read = link.Read(buffer, 10, 64 - 10));
            poll.Start();
            bool returned = poll.Join(TimeSpan.FromSeconds(10));
            if (!returned)
            {
                SerialWire.HostSends("COM2", new byte[64]);
                poll.Join();
            }

            Assert.True(returned, "SerialHostLink.Read blocked waiting for more bytes than were waiting");
            Assert.Equal(3, read);
            Assert.Equal(new byte[] { 0x11, 0x22, 0x33 }, buffer[10..13]);
            Assert.Equal(0, link.Read(buffer, 0, 64));
        }

        [Fact]
        public void ReadTakesNoMoreThanTheCallerHasRoomFor()
        {
            SerialHostLink link = new SerialHostLink("COM2", 115200);
            SerialWire.HostSends("COM2", 1, 2, 3, 4, 5);
            byte[] buffer = new byte[2];
            Assert.Equal(2, link.Read(buffer, 0, 2));
            Assert.Equal(3, link.BytesAvailable);
            Assert.Throws<ArgumentException>(() => link.Read(buffer, 1, 2));
        }

        [Fact]
        public void WriteSendsExactlyTheSubRange()
        {
            SerialHostLink link = new SerialHostLink("COM2", 115200);
            link.Write(new byte[] { 9, 1, 2, 3, 9 }, 1, 3);
            link.Write(new byte[] { 7 }, 0, 0);
            Assert.Equal(new byte[] { 1, 2, 3 }, SerialWire.HostReceives("COM2"));
        }

        [Fact]
        public void ASecondLinkOnTheSamePortFailsAsOnTheDevice()
        {
            new SerialHostLink("COM2", 115200).ToString();
            Assert.Throws<ArgumentException>(() => new SerialHostLink("COM2", 115200));
        }
    }
}
