using System.Device.Gpio;
using System.Threading;
using MedCard.Firmware.App.Boards;
using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.App.Adapters
{
    /// <summary>
    /// <see cref="IFeedback"/> on GPIO: LEDs switched directly, buzzer patterns played by a Timer so
    /// <see cref="Beep"/> returns at once and the poll loop never waits for a beep. Indicators the board
    /// does not have (<see cref="BoardPins.NotFitted"/>) are ignored.
    /// </summary>
    public sealed class GpioFeedback : IFeedback
    {
        // On/off durations in ms, starting with "on". Allocated once.
        private static readonly int[] KeyClickSteps = new int[] { 15 };
        private static readonly int[] ShortSteps = new int[] { 80 };
        private static readonly int[] SuccessSteps = new int[] { 80, 80, 80 };
        private static readonly int[] FailureSteps = new int[] { 600 };

        private readonly object _sync = new object();
        private readonly GpioPin _green;
        private readonly GpioPin _red;
        private readonly GpioPin _busy;
        private readonly GpioPin _buzzer;
        private readonly BoardPins _pins;
        private readonly Timer _timer;
        private int[] _steps;
        private int _step;

        /// <summary>Open the indicator pins of <paramref name="pins"/>, all off.</summary>
        public GpioFeedback(GpioController gpio, BoardPins pins)
        {
            _pins = pins;
            _green = Open(gpio, pins.LedGreen, pins.LedGreenActiveLow);
            _red = Open(gpio, pins.LedRed, pins.LedRedActiveLow);
            _busy = Open(gpio, pins.LedBusy, pins.LedBusyActiveLow);
            _buzzer = Open(gpio, pins.Buzzer, pins.BuzzerActiveLow);
            _timer = new Timer(OnStep, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <inheritdoc/>
        public void SetLed(FeedbackLed led, bool on)
        {
            if (led == FeedbackLed.Green)
            {
                Set(_green, _pins.LedGreenActiveLow, on);
            }
            else if (led == FeedbackLed.Red)
            {
                Set(_red, _pins.LedRedActiveLow, on);
            }
            else if (led == FeedbackLed.Busy)
            {
                Set(_busy, _pins.LedBusyActiveLow, on);
            }
        }

        /// <inheritdoc/>
        public void Beep(BeepPattern pattern)
        {
            lock (_sync)
            {
                _steps = StepsOf(pattern);
                _step = 0;
                if (_steps == null || _buzzer == null)
                {
                    _timer.Change(Timeout.Infinite, Timeout.Infinite);
                    Set(_buzzer, _pins.BuzzerActiveLow, false);
                    return;
                }

                Set(_buzzer, _pins.BuzzerActiveLow, true);
                _timer.Change(_steps[0], Timeout.Infinite);
            }
        }

        private void OnStep(object state)
        {
            lock (_sync)
            {
                if (_steps == null)
                {
                    return;
                }

                _step++;
                if (_step >= _steps.Length)
                {
                    _steps = null;
                    Set(_buzzer, _pins.BuzzerActiveLow, false);
                    return;
                }

                // Even steps are "on", odd steps are the gaps between beeps.
                Set(_buzzer, _pins.BuzzerActiveLow, (_step & 1) == 0);
                _timer.Change(_steps[_step], Timeout.Infinite);
            }
        }

        private static int[] StepsOf(BeepPattern pattern)
        {
            switch (pattern)
            {
                case BeepPattern.KeyClick:
                    return KeyClickSteps;
                case BeepPattern.Short:
                    return ShortSteps;
                case BeepPattern.Success:
                    return SuccessSteps;
                case BeepPattern.Failure:
                    return FailureSteps;
                default:
                    return null;
            }
        }

        private static GpioPin Open(GpioController gpio, int pin, bool activeLow)
        {
            if (pin == BoardPins.NotFitted)
            {
                return null;
            }

            GpioPin opened = gpio.OpenPin(pin, PinMode.Output);
            Set(opened, activeLow, false);
            return opened;
        }

        private static void Set(GpioPin pin, bool activeLow, bool on)
        {
            if (pin != null)
            {
                pin.Write(on != activeLow ? PinValue.High : PinValue.Low);
            }
        }
    }
}
