using System;
using System.IO.Ports;
using MedCard.Firmware.AdapterTests.NanoModels.FileSystem;
using MedCard.Firmware.AdapterTests.NanoModels.Gpio;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;
using Xunit;

// The nanoFramework libraries keep static state (open ports, reserved pins, the open-file list), and so do their
// models: tests run one at a time, each on a freshly reset model (a reboot).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace MedCard.Firmware.AdapterTests
{
    /// <summary>Base of every test class: each test starts on a rebooted device model.</summary>
    public abstract class ModelReset : IDisposable
    {
        protected ModelReset()
        {
            Reboot();
        }

        /// <summary>Reboot the model: every port, pin, mapping and open file is forgotten; flash is formatted.</summary>
        protected static void Reboot()
        {
            SerialPort.ResetAll();
            GpioBoard.Reset();
            LittleFsDrive.Format();
            Configuration.ResetModel();
            Rtc.ResetModel();
        }

        public virtual void Dispose()
        {
            Reboot();
            GC.SuppressFinalize(this);
        }
    }
}
