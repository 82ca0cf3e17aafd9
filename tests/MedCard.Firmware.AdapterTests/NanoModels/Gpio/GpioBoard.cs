using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Threading;

namespace MedCard.Firmware.AdapterTests.NanoModels.Gpio
{
    /// <summary>
    /// The electrical side of the GPIO model: which ESP32 pins exist, which are open, what the keys of a matrix keypad
    /// connect, external resistors, and the level every net settles at.
    /// <list type="bullet">
    /// <item>Valid GPIOs (GPIO_IS_VALID_GPIO of ESP-IDF for the ESP32): 0-19, 21-23, 25-27, 32-39; GPIO34-39 are
    /// input-only and, per the ESP32 datasheet (Espressif, "ESP32 Series Datasheet", pin list notes), have no internal
    /// pull-up or pull-down: the driver accepts InputPullUp on them (cpu_gpio.cpp) but nothing pulls the pin.</item>
    /// <item>Net level: a push-pull driver or an open-drain pin writing Low wins; a net driven both high and low is a short
    /// circuit (counted in <see cref="ShortCircuits"/>; it reads Low); otherwise a pull-up (internal or external) gives
    /// High, a pull-down Low. A floating net reads Low in this model (the worst case for an active-low keypad: it looks
    /// pressed); the silicon gives an undefined level.</item>
    /// </list>
    /// </summary>
    public static class GpioBoard
    {
        private static readonly object Sync = new object();
        private static readonly Dictionary<int, GpioPin> Open = new Dictionary<int, GpioPin>();
        private static readonly HashSet<int> ExternalPullUps = new HashSet<int>();
        private static readonly List<int[]> Closed = new List<int[]>();
        private static int _shorts;

        /// <summary>Settled states in which some net was driven high and low at once.</summary>
        public static int ShortCircuits
        {
            get
            {
                lock (Sync)
                {
                    return _shorts;
                }
            }
        }

        /// <summary>Power-on: no pins open, no keys pressed, no resistors, no shorts counted.</summary>
        public static void Reset()
        {
            lock (Sync)
            {
                Open.Clear();
                ExternalPullUps.Clear();
                Closed.Clear();
                _shorts = 0;
            }
        }

        /// <summary>Fit an external pull-up resistor on <paramref name="pin"/>.</summary>
        public static void AddExternalPullUp(int pin)
        {
            lock (Sync)
            {
                ExternalPullUps.Add(pin);
            }
        }

        /// <summary>Press the key joining <paramref name="a"/> and <paramref name="b"/> (a row and a column).</summary>
        public static void Press(int a, int b)
        {
            lock (Sync)
            {
                Closed.Add(new[] { a, b });
                Evaluate();
            }
        }

        /// <summary>Release every key.</summary>
        public static void ReleaseKeys()
        {
            lock (Sync)
            {
                Closed.Clear();
                Evaluate();
            }
        }

        /// <summary>The pin object open on <paramref name="pin"/>, or null.</summary>
        public static GpioPin PinOf(int pin)
        {
            lock (Sync)
            {
                GpioPin p;
                return Open.TryGetValue(pin, out p) ? p : null;
            }
        }

        /// <summary>Level a meter would read on <paramref name="pin"/>.</summary>
        public static PinValue LevelOf(int pin)
        {
            lock (Sync)
            {
                bool shorted;
                return NetLevel(pin, out shorted);
            }
        }

        /// <summary>Wait (up to <paramref name="timeout"/>) until <paramref name="pin"/> reads <paramref name="level"/>.</summary>
        public static bool WaitForLevel(int pin, PinValue level, TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            lock (Sync)
            {
                while (true)
                {
                    bool shorted;
                    if (NetLevel(pin, out shorted) == level)
                    {
                        return true;
                    }

                    TimeSpan left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        return false;
                    }

                    Monitor.Wait(Sync, left);
                }
            }
        }

        /// <summary>GPIO_IS_VALID_GPIO for the ESP32.</summary>
        public static bool IsValid(int pin)
        {
            return pin >= 0 && pin <= 39 && pin != 20 && pin != 24 && (pin < 28 || pin > 31);
        }

        /// <summary>GPIO34-39: input only, no internal pulls.</summary>
        public static bool IsInputOnly(int pin)
        {
            return pin >= 34 && pin <= 39;
        }

        internal static bool IsModeSupported(int pin, PinMode mode)
        {
            if (!IsValid(pin))
            {
                return false;
            }

            return IsInputOnly(pin) ? mode <= PinMode.InputPullUp : mode <= PinMode.OutputOpenSourcePullDown;
        }

        internal static GpioPin Reserve(int pin)
        {
            lock (Sync)
            {
                if (!IsValid(pin) || Open.ContainsKey(pin))
                {
                    throw new InvalidOperationException();
                }

                GpioPin opened = new GpioPin(pin);
                Open[pin] = opened;
                return opened;
            }
        }

        internal static bool IsOpen(int pin)
        {
            lock (Sync)
            {
                return Open.ContainsKey(pin);
            }
        }

        internal static void Release(int pin)
        {
            lock (Sync)
            {
                Open.Remove(pin);
                Evaluate();
            }
        }

        internal static void ReleaseAll()
        {
            lock (Sync)
            {
                Open.Clear();
                Evaluate();
            }
        }

        internal static void Changed()
        {
            lock (Sync)
            {
                Evaluate();
            }
        }

        private static void Evaluate()
        {
            foreach (int pin in Open.Keys)
            {
                bool shorted;
                NetLevel(pin, out shorted);
                if (shorted)
                {
                    _shorts++;
                    break;
                }
            }

            Monitor.PulseAll(Sync);
        }

        private static PinValue NetLevel(int pin, out bool shorted)
        {
            HashSet<int> net = NetOf(pin);
            bool low = false, high = false, pullUp = false, pullDown = false;
            foreach (int member in net)
            {
                if (ExternalPullUps.Contains(member))
                {
                    pullUp = true;
                }

                GpioPin p;
                if (!Open.TryGetValue(member, out p))
                {
                    continue;
                }

                bool latchHigh = p.Latch == PinValue.High;
                bool internalPulls = !IsInputOnly(member);
                switch (p.Mode)
                {
                    case PinMode.Output:
                        low |= !latchHigh;
                        high |= latchHigh;
                        break;
                    case PinMode.OutputOpenDrain:
                        low |= !latchHigh;
                        break;
                    case PinMode.OutputOpenDrainPullUp:
                        low |= !latchHigh;
                        pullUp = true;
                        break;
                    case PinMode.OutputOpenSource:
                        high |= latchHigh;
                        break;
                    case PinMode.OutputOpenSourcePullDown:
                        high |= latchHigh;
                        pullDown = true;
                        break;
                    case PinMode.InputPullUp:
                        pullUp |= internalPulls;
                        break;
                    case PinMode.InputPullDown:
                        pullDown |= internalPulls;
                        break;
                }
            }

            shorted = low && high;
            if (low)
            {
                return PinValue.Low;
            }

            if (high || pullUp)
            {
                return PinValue.High;
            }

            return PinValue.Low;
        }

        private static HashSet<int> NetOf(int pin)
        {
            HashSet<int> net = new HashSet<int> { pin };
            bool grew = true;
            while (grew)
            {
                grew = false;
                foreach (int[] key in Closed)
                {
                    if (net.Contains(key[0]) != net.Contains(key[1]))
                    {
                        net.Add(key[0]);
                        net.Add(key[1]);
                        grew = true;
                    }
                }
            }

            return net;
        }
    }
}
