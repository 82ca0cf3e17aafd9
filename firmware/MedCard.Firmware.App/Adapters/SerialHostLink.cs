using System;
using System.IO.Ports;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="IHostLink"/> on a nanoFramework <see cref="SerialPort"/> (COM2, 8N1). Polled through
    /// <see cref="SerialPort.BytesToRead"/>: no DataReceived handler (it has had regressions on ESP32), and
    /// Read never asks for more than is waiting, because nanoFramework's Read blocks for all n bytes.
    /// Pins must already be mapped (<see cref="Esp32PinFunctions.MapUart"/>).
    /// </summary>
    public sealed class SerialHostLink : IHostLink
    {
        // One full frame plus slack; the core drains the buffer every poll.
        private const int ReceiveBufferSize = 2048;
        private const int WriteTimeoutMs = 500;

        private readonly SerialPort _port;

        /// <summary>Open <paramref name="portName"/> at <paramref name="baudRate"/> 8N1.</summary>
        public SerialHostLink(string portName, int baudRate)
        {
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            _port.ReadBufferSize = ReceiveBufferSize;
            _port.WriteTimeout = WriteTimeoutMs;
            _port.Open();
        }

        /// <inheritdoc/>
        public int BytesAvailable
        {
            get { return _port.BytesToRead; }
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentException("buffer");
            }

            int waiting = _port.BytesToRead;
            if (waiting <= 0 || count == 0)
            {
                return 0;
            }

            return _port.Read(buffer, offset, waiting < count ? waiting : count);
        }

        /// <inheritdoc/>
        public void Write(byte[] data, int offset, int count)
        {
            if (data == null || offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentException("data");
            }

            if (count > 0)
            {
                _port.Write(data, offset, count);
            }
        }
    }
}
