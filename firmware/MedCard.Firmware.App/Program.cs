using System;
using System.Device.Gpio;
using System.Device.Spi;
using System.Diagnostics;
using System.Threading;
using Iot.Device.Mfrc522;
using MedCard.Firmware.App.Adapters;
using MedCard.Firmware.App.Boards;

namespace MedCard.Firmware.App
{
    /// <summary>
    /// Entry point of the reader firmware: builds the hardware adapters for the board this image targets and
    /// runs the core's poll loop forever. Nothing secret is ever written to the debug output.
    /// </summary>
    public static class Program
    {
        /// <summary>The board this image is built for (a folder under boards/); change it and rebuild.</summary>
        public const string BoardId = Esp32DevKitC.Id;

        /// <summary>Pause between polls. Sleeping yields to the idle task, which feeds the ESP-IDF task watchdog.</summary>
        public const int PollIntervalMs = 20;

        /// <summary>The I: drive (internal flash, LittleFS).</summary>
        public const string StorageRoot = "I:\\";

        /// <summary>Build the adapters and run.</summary>
        public static void Main()
        {
            BoardPins board = BoardCatalog.Find(BoardId);
            Debug.WriteLine("MedCard reader starting on " + board.Name);

            GpioController gpio = new GpioController();
            Esp32PinFunctions.MapSpi(board.RfidSpiBus, board.RfidSck, board.RfidMiso, board.RfidMosi);
            Esp32PinFunctions.MapUart(board.HostPort, board.HostTx, board.HostRx);

            SpiConnectionSettings spiSettings = new SpiConnectionSettings(board.RfidSpiBus, board.RfidCs);
            spiSettings.ClockFrequency = board.RfidSpiClockHz;
            spiSettings.Mode = SpiMode.Mode0;
            spiSettings.DataFlow = DataFlow.MsbFirst;
            SpiDevice spi = SpiDevice.Create(spiSettings);

            // The binding pulses the reset pin itself (low 1 ms, then 38 ms for the oscillator).
            MfRc522 rfid = new MfRc522(spi, board.RfidReset, gpio, false);
            Debug.WriteLine("MFRC522 version " + rfid.Version.ToString());

            Mfrc522CardField field = new Mfrc522CardField(rfid);
            GpioKeypadPins keypad = new GpioKeypadPins(gpio, board.KeypadRows, board.KeypadColumns, board.KeypadColumnsInternalPullUp);
            GpioFeedback feedback = new GpioFeedback(gpio, board);
            SerialHostLink host = new SerialHostLink(board.HostPort, board.HostBaud);
            LittleFsByteStore store = new LittleFsByteStore(StorageRoot);
            TickCountClock clock = new TickCountClock();
            RtcWallClock wallClock = new RtcWallClock();
            RandomEntropySource entropy = new RandomEntropySource();
            NanoHmacSha256 hmac = new NanoHmacSha256();
            NanoAes128 aes = new NanoAes128();

            while (true)
            {
                Thread.Sleep(PollIntervalMs);
            }
        }
    }
}
