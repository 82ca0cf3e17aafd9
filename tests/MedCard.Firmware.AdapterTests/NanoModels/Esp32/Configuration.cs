using System;
using System.Collections.Generic;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>
    /// Model of nanoFramework's ESP32 pin matrix (nanoframework/nanoFramework.Hardware.Esp32 v1.6.42, Configuration.cs):
    /// SetPinFunction records which GPIO a peripheral signal uses and GetFunctionPin reads it back (-1 when unset). The
    /// native side remembers one pin per function; the last call wins.
    /// </summary>
    public static class Configuration
    {
        private static readonly Dictionary<DeviceFunction, int> Pins = new Dictionary<DeviceFunction, int>();

        /// <summary>Route <paramref name="function"/> to GPIO <paramref name="gpioNumber"/>.</summary>
        public static void SetPinFunction(int gpioNumber, DeviceFunction function)
        {
            lock (Pins)
            {
                Pins[function] = gpioNumber;
            }
        }

        /// <summary>The GPIO routed to <paramref name="function"/>, or -1.</summary>
        public static int GetFunctionPin(DeviceFunction function)
        {
            lock (Pins)
            {
                int pin;
                return Pins.TryGetValue(function, out pin) ? pin : -1;
            }
        }

        /// <summary>Model hook: forget every mapping (a reboot).</summary>
        public static void ResetModel()
        {
            lock (Pins)
            {
                Pins.Clear();
            }
        }
    }
}
