using MedCard.Firmware.Hardware;
using Microsoft.Extensions.Logging;

namespace MedCard.Simulator.Devices
{
    /// <summary>LEDs and buzzer as log lines (debug level), so a simulator session shows what the holder would see.</summary>
    public sealed class LoggingFeedback : IFeedback
    {
        private readonly ILogger _logger;

        public LoggingFeedback(ILogger logger)
        {
            _logger = logger;
        }

        public void SetLed(FeedbackLed led, bool on) => _logger.LogDebug("LED {Led} {State}", led, on ? "on" : "off");

        public void Beep(BeepPattern pattern) => _logger.LogDebug("Beep {Pattern}", pattern);
    }
}
