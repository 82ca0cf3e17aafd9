using System.Collections;
using System.Threading;

namespace System.IO.Ports
{
    /// <summary>
    /// Model of nanoFramework's SerialPort on an ESP32. Sources: nanoframework/System.IO.Ports tag v1.1.139,
    /// System.IO.Ports/SerialPort.cs (managed part), and nanoframework/nf-interpreter (main, commit a3e8139a),
    /// targets/ESP32/_nanoCLR/System.IO.Ports/sys_io_ser_native_System_IO_Ports_SerialPort.cpp (Read, Write,
    /// BytesToRead, NativeInit) with src/HAL/Include/nanoHAL.h (HAL_RingBuffer::Push). Behaviour kept here:
    /// <list type="bullet">
    /// <item>ReadTimeout and WriteTimeout default to Timeout.Infinite;</item>
    /// <item>Read(buf, off, n) returns only when ALL n bytes are in the receive buffer: it blocks until then, forever
    /// with the default timeout, else throws TimeoutException (native: RxBytesToRead = count, WaitEvents, CLR_E_TIMEOUT);
    /// it never returns fewer bytes, despite its XML doc;</item>
    /// <item>argument checks of the native code: offset or count greater than the array length is an
    /// InvalidOperationException (CLR_E_INVALID_OPERATION), offset + count beyond it an ArgumentException;</item>
    /// <item>one buffer size for both directions: ReadBufferSize and WriteBufferSize are the same field (default 256);
    /// setting either while open throws InvalidOperationException; at Open the receive ring buffer gets that size, but at
    /// least SOC_UART_FIFO_LEN + 1 = 129 bytes;</item>
    /// <item>a full receive ring buffer drops the bytes that do not fit (HAL_RingBuffer::Push truncates), silently;</item>
    /// <item>one SerialPort per COM port: a second constructor call for the same port throws ArgumentException until the
    /// first is disposed; Open on an open port throws InvalidOperationException;</item>
    /// <item>after Dispose, BytesToRead, Read and Write throw ObjectDisposedException.</item>
    /// </list>
    /// The far end of the wire is <see cref="MedCard.Firmware.AdapterTests.NanoModels.Ports.SerialWire"/>.
    /// </summary>
    public sealed class SerialPort : IDisposable
    {
        /// <summary>ESP32 hardware FIFO length (SOC_UART_FIFO_LEN); the ring buffer is always larger.</summary>
        internal const int HardwareFifoLength = 128;

        private static readonly ArrayList Devices = new ArrayList();

        private readonly object _rxLock = new object();
        private readonly string _portName;
        private readonly int _portIndex;
        private int _readTimeout = Timeout.Infinite;
        private int _writeTimeout = Timeout.Infinite;
        private int _bufferSize = 256;
        private byte[] _ring;
        private int _ringStart;
        private int _ringCount;
        private bool _opened;
        private bool _disposed;
        private int _baudRate;
        private Handshake _handshake = Handshake.None;
        private readonly MemoryStream _sent = new MemoryStream();

        /// <summary>Claim COM<i>n</i>; a second instance for the same port throws ArgumentException.</summary>
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One)
        {
            // Managed code: 'COMn' -> n from the fourth character.
            _portIndex = portName[3] - 48;
            lock (Devices)
            {
                if (Find(_portIndex) != null)
                {
                    throw new ArgumentException();
                }

                _portName = portName;
                _baudRate = baudRate;
                Parity = parity;
                DataBits = dataBits;
                StopBits = stopBits;
                Devices.Add(this);
            }
        }

        /// <summary>Port name as given.</summary>
        public string PortName
        {
            get { return _portName; }
        }

        /// <summary>True between Open and Close.</summary>
        public bool IsOpen
        {
            get { return _opened; }
        }

        /// <summary>Baud rate (> 0).</summary>
        public int BaudRate
        {
            get { return _baudRate; }
            set
            {
                if (value <= 0)
                {
                    throw new ArgumentOutOfRangeException();
                }

                _baudRate = value;
            }
        }

        /// <summary>Parity.</summary>
        public Parity Parity { get; set; }

        /// <summary>Data bits.</summary>
        public int DataBits { get; set; }

        /// <summary>Stop bits.</summary>
        public StopBits StopBits { get; set; }

        /// <summary>Flow control.</summary>
        public Handshake Handshake
        {
            get { return _handshake; }
            set { _handshake = value; }
        }

        /// <summary>Infinite by default; negative values other than Infinite throw.</summary>
        public int ReadTimeout
        {
            get { return _readTimeout; }
            set
            {
                if (value < 0 && value != Timeout.Infinite)
                {
                    throw new ArgumentOutOfRangeException();
                }

                _readTimeout = value;
            }
        }

        /// <summary>Infinite by default; negative values other than Infinite throw.</summary>
        public int WriteTimeout
        {
            get { return _writeTimeout; }
            set
            {
                if (value < 0 && value != Timeout.Infinite)
                {
                    throw new ArgumentOutOfRangeException();
                }

                _writeTimeout = value;
            }
        }

        /// <summary>The one work buffer size (shared with <see cref="WriteBufferSize"/>).</summary>
        public int ReadBufferSize
        {
            get { return _bufferSize; }
            set { SetBufferSize(value); }
        }

        /// <summary>The same field as <see cref="ReadBufferSize"/>.</summary>
        public int WriteBufferSize
        {
            get { return _bufferSize; }
            set { SetBufferSize(value); }
        }

        /// <summary>Bytes waiting in the receive ring buffer.</summary>
        public int BytesToRead
        {
            get
            {
                ThrowIfDisposed();
                ThrowIfClosed();
                lock (_rxLock)
                {
                    return _ringCount;
                }
            }
        }

        /// <summary>Allocate the receive ring buffer and start; throws when already open.</summary>
        public void Open()
        {
            if (_opened)
            {
                throw new InvalidOperationException();
            }

            _disposed = false;
            lock (_rxLock)
            {
                _ring = new byte[_bufferSize <= HardwareFifoLength ? HardwareFifoLength + 1 : _bufferSize];
                _ringStart = 0;
                _ringCount = 0;
            }

            _opened = true;
        }

        /// <summary>Stop (the port can be opened again).</summary>
        public void Close()
        {
            _opened = false;
        }

        /// <summary>Block until <paramref name="count"/> bytes are buffered (or ReadTimeout), then take exactly that many.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            ThrowIfDisposed();
            ThrowIfClosed();
            CheckRange(buffer, offset, count);
            lock (_rxLock)
            {
                DateTime deadline = _readTimeout == Timeout.Infinite ? DateTime.MaxValue : DateTime.UtcNow.AddMilliseconds(_readTimeout);
                while (_ringCount < count)
                {
                    if (_readTimeout == Timeout.Infinite)
                    {
                        Monitor.Wait(_rxLock);
                        continue;
                    }

                    TimeSpan left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || (!Monitor.Wait(_rxLock, left) && _ringCount < count))
                    {
                        throw new TimeoutException();
                    }
                }

                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = _ring[(_ringStart + i) % _ring.Length];
                }

                _ringStart = (_ringStart + count) % _ring.Length;
                _ringCount -= count;
                return count;
            }
        }

        /// <summary>Send buffer[offset..offset+count).</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            ThrowIfDisposed();
            ThrowIfClosed();
            CheckRange(buffer, offset, count);
            lock (_sent)
            {
                _sent.Write(buffer, offset, count);
            }
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _opened = false;
            lock (Devices)
            {
                Devices.Remove(this);
            }

            _disposed = true;
        }

        /// <summary>Model hook: the port object currently holding COM<i>n</i>, or null.</summary>
        internal static SerialPort FindByName(string portName)
        {
            lock (Devices)
            {
                return Find(portName[3] - 48);
            }
        }

        /// <summary>Model hook: forget every port (a reboot of the model).</summary>
        internal static void ResetAll()
        {
            lock (Devices)
            {
                Devices.Clear();
            }
        }

        /// <summary>Model hook: bytes arriving on RX; what does not fit in the ring buffer is lost. Returns bytes kept.</summary>
        internal int Receive(byte[] data)
        {
            lock (_rxLock)
            {
                if (!_opened || _ring == null)
                {
                    return 0;
                }

                int room = _ring.Length - _ringCount;
                int kept = data.Length < room ? data.Length : room;
                for (int i = 0; i < kept; i++)
                {
                    _ring[(_ringStart + _ringCount + i) % _ring.Length] = data[i];
                }

                _ringCount += kept;
                Monitor.PulseAll(_rxLock);
                return kept;
            }
        }

        /// <summary>Model hook: everything written so far, and forget it.</summary>
        internal byte[] TakeSent()
        {
            lock (_sent)
            {
                byte[] all = _sent.ToArray();
                _sent.SetLength(0);
                return all;
            }
        }

        /// <summary>Model hook: the receive ring buffer's capacity (0 before Open).</summary>
        internal int ReceiveCapacity
        {
            get { return _ring == null ? 0 : _ring.Length; }
        }

        private static SerialPort Find(int index)
        {
            for (int i = 0; i < Devices.Count; i++)
            {
                if (((SerialPort)Devices[i])._portIndex == index)
                {
                    return (SerialPort)Devices[i];
                }
            }

            return null;
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            // Native code holds offset and count in size_t: a negative value is huge and fails the first check.
            uint length = (uint)buffer.Length;
            if ((uint)offset > length || (uint)count > length)
            {
                throw new InvalidOperationException();
            }

            if ((ulong)(uint)offset + (uint)count > length)
            {
                throw new ArgumentException();
            }
        }

        private void SetBufferSize(int value)
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            if (_opened)
            {
                throw new InvalidOperationException();
            }

            _bufferSize = value;
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(SerialPort));
            }
        }

        private void ThrowIfClosed()
        {
            // The managed docs: "InvalidOperationException: the port is not open".
            if (!_opened)
            {
                throw new InvalidOperationException();
            }
        }
    }
}
