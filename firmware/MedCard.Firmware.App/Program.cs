using System;
using System.Device.Gpio;
using System.Device.Spi;
using System.Diagnostics;
using System.Threading;
using Iot.Device.Mfrc522;
using MedCard.Firmware.App.Adapters;
using MedCard.Firmware.App.Boards;
using MedCard.Firmware.Keypad;
using MedCard.Firmware.Reader;
using MedCard.Firmware.Storage;
using nanoFramework.Runtime.Native;

namespace MedCard.Firmware.App
{
    /// <summary>
    /// Entry point of the reader firmware: builds the hardware adapters for the board this image targets,
    /// hands them to the portable <see cref="ReaderCore"/> and ticks it forever. The debug output carries the
    /// board, the MFRC522 version, the card-key installation result and exception type names: never a
    /// message, a key, a PIN or card data.
    /// </summary>
    public static class Program
    {
        /// <summary>The board this image is built for (a folder under boards/); change it and rebuild.</summary>
        public const string BoardId = Esp32DevKitC.Id;

        /// <summary>The I: drive (internal flash, LittleFS).</summary>
        public const string StorageRoot = "I:\\";

        /// <summary>Consecutive failing ticks after which the device restarts (a wedged SPI or UART driver).</summary>
        public const int MaxConsecutiveFailures = 50;

        /// <summary>Pause before rebooting after a failed start (keeps a boot loop slow enough to read and flash).</summary>
        public const int StartRetryMs = 5000;

        /// <summary>Time given to the UART to drain the last answer before a host-requested reboot.</summary>
        public const int RebootDrainMs = 250;

        /// <summary>Build everything and run.</summary>
        public static void Main()
        {
            BoardPins board = BoardCatalog.Find(BoardId);
            Debug.WriteLine("MedCard reader starting on " + board.Id);

            ReaderCore reader;
            ReaderOptions options = new ReaderOptions();
            try
            {
                GpioController gpio = new GpioController();
                ReaderDevices devices = CreateDevices(board, gpio);
                reader = new ReaderCore(devices, options);

                CardKeyDropResult keys = CardKeyInstaller.InstallIfPresent(reader);
                if (keys != CardKeyDropResult.NoFile)
                {
                    Debug.WriteLine("card keys drop file: " + CardKeyInstaller.Describe(keys));
                }
            }
            catch (Exception ex)
            {
                // Without its devices the reader cannot serve anyone: say what failed (type only) and retry
                // from a clean boot rather than leave a dead device on the counter.
                Debug.WriteLine("start failed: " + ex.GetType().FullName);
                Thread.Sleep(StartRetryMs);
                Power.RebootDevice();
                return;
            }

            Run(reader, new TickCountClock(), options.Timings.KeypadScanMs);
        }

        /// <summary>
        /// The poll loop. The tick period is the keypad scan interval, the finest timing the core needs; the
        /// Sleep after every tick yields to the idle task, which feeds the ESP-IDF task watchdog.
        /// </summary>
        private static void Run(ReaderCore reader, TickCountClock clock, int periodMs)
        {
            int failures = 0;
            while (true)
            {
                try
                {
                    reader.Tick(clock.NowMs);
                    failures = 0;
                }
                catch (Exception ex)
                {
                    failures++;
                    Debug.WriteLine("tick failed: " + ex.GetType().FullName);
                    if (failures >= MaxConsecutiveFailures)
                    {
                        Power.RebootDevice();
                    }
                }

                if (reader.RebootRequested)
                {
                    Thread.Sleep(RebootDrainMs);
                    Power.RebootDevice();
                }

                Thread.Sleep(periodMs);
            }
        }

        /// <summary>Map the board's pins and create one adapter per hardware interface.</summary>
        private static ReaderDevices CreateDevices(BoardPins board, GpioController gpio)
        {
            Esp32PinFunctions.MapSpi(board.RfidSpiBus, board.RfidSck, board.RfidMiso, board.RfidMosi);
            Esp32PinFunctions.MapUart(board.HostPort, board.HostTx, board.HostRx);

            SpiConnectionSettings spiSettings = new SpiConnectionSettings(board.RfidSpiBus, board.RfidCs);
            spiSettings.ClockFrequency = board.RfidSpiClockHz;
            spiSettings.Mode = SpiMode.Mode0;
            spiSettings.DataFlow = DataFlow.MsbFirst;
            SpiDevice spi = SpiDevice.Create(spiSettings);

            // The binding pulses the reset pin itself (low 1 ms, then 38 ms for the oscillator) and turns the antenna on.
            MfRc522 rfid = new MfRc522(spi, board.RfidReset, gpio, false);
            Version version = rfid.Version;
            Debug.WriteLine(version.Major == 0
                ? "MFRC522 version register unknown (a clone, or check SPI wiring)"
                : "MFRC522 version " + version.ToString());

            ReaderDevices devices = new ReaderDevices();
            devices.CardField = new Mfrc522CardField(rfid);
            devices.KeypadPins = new GpioKeypadPins(gpio, board.KeypadRows, board.KeypadColumns, board.KeypadColumnsInternalPullUp);
            devices.KeypadLayout = new KeypadLayout(KeypadRowsOf(board));
            devices.Store = new LittleFsByteStore(StorageRoot);
            devices.WallClock = new RtcWallClock();
            devices.HostLink = new SerialHostLink(board.HostPort, board.HostBaud);
            devices.Feedback = new GpioFeedback(gpio, board);
            devices.Entropy = new RandomEntropySource();
            devices.Hmac = new NanoHmacSha256();
            devices.Aes = new NanoAes128();
            devices.BoardName = board.Id;
            return devices;
        }

        /// <summary>Split the board's row-major key legend into one string per row.</summary>
        private static string[] KeypadRowsOf(BoardPins board)
        {
            int columns = board.KeypadColumns.Length;
            string[] rows = new string[board.KeypadRows.Length];
            for (int r = 0; r < rows.Length; r++)
            {
                rows[r] = board.KeypadKeys.Substring(r * columns, columns);
            }

            return rows;
        }
    }
}
