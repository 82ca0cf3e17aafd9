using MedCard.Firmware.Hardware;

namespace MedCard.Firmware.Tests.Fakes
{
    /// <summary>Remembers LED states and counts beeps per pattern.</summary>
    public sealed class FakeFeedback : IFeedback
    {
        private readonly bool[] _leds = new bool[3];
        private readonly int[] _beeps = new int[5];

        public BeepPattern LastBeep;

        public void SetLed(FeedbackLed led, bool on)
        {
            _leds[(int)led] = on;
        }

        public void Beep(BeepPattern pattern)
        {
            _beeps[(int)pattern]++;
            LastBeep = pattern;
        }

        public bool IsOn(FeedbackLed led)
        {
            return _leds[(int)led];
        }

        public int BeepCount(BeepPattern pattern)
        {
            return _beeps[(int)pattern];
        }
    }
}
