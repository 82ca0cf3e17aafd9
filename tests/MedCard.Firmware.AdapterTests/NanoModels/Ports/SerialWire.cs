using System;
using System.IO.Ports;

namespace MedCard.Firmware.AdapterTests.NanoModels.Ports
{
    /// <summary>The host's end of a modelled UART: what a test sends to the device and reads back from it.</summary>
    public static class SerialWire
    {
        /// <summary>Bytes arrive on the RX pin of <paramref name="portName"/>; returns how many the ring buffer kept.</summary>
        public static int HostSends(string portName, params byte[] data)
        {
            return Port(portName).Receive(data);
        }

        /// <summary>Everything the device wrote on <paramref name="portName"/> since the last call.</summary>
        public static byte[] HostReceives(string portName)
        {
            return Port(portName).TakeSent();
        }

        /// <summary>The open port's receive ring buffer size.</summary>
        public static int ReceiveCapacity(string portName)
        {
            return Port(portName).ReceiveCapacity;
        }

        /// <summary>The SerialPort object now holding <paramref name="portName"/>.</summary>
        public static SerialPort Port(string portName)
        {
            return SerialPort.FindByName(portName) ?? throw new InvalidOperationException("model: no SerialPort holds " + portName);
        }
    }
}
