using System;
using System.Device.Gpio;
using MedCard.Firmware.App.Adapters;
using MedCard.Firmware.App.Boards;
using MedCard.Firmware.AdapterTests.NanoModels.Gpio;
using MedCard.Firmware.Hardware;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Adapters
{
    /// <summary>GpioFeedback on the GPIO model: LED polarity per board, missing indicators ignored, beeps end by themselves.</summary>
    public sealed class GpioFeedbackTests : ModelReset
    {
        private static PinValue Lit(bool activeLow)
        {
            return activeLow ? PinValue.Low : PinValue.High;
        }

        [Theory]
        [InlineData(Esp32DevKitC.Id)]
        [InlineData(LolinD32.Id)]
        public void LedsStartOffAndFollowTheBoardsPolarity(string id)
        {
            BoardPins board = BoardCatalog.Find(id);
            GpioFeedback feedback = new GpioFeedback(new GpioController(), board);
            Assert.NotEqual(Lit(board.LedBusyActiveLow), GpioBoard.LevelOf(board.LedBusy));
            Assert.NotEqual(Lit(board.LedGreenActiveLow), GpioBoard.LevelOf(board.LedGreen));

            feedback.SetLed(FeedbackLed.Busy, true);
            feedback.SetLed(FeedbackLed.Green, true);
            Assert.Equal(Lit(board.LedBusyActiveLow), GpioBoard.LevelOf(board.LedBusy));
            Assert.Equal(Lit(board.LedGreenActiveLow), GpioBoard.LevelOf(board.LedGreen));
            Assert.NotEqual(Lit(board.LedRedActiveLow), GpioBoard.LevelOf(board.LedRed));

            feedback.SetLed(FeedbackLed.Busy, false);
            Assert.NotEqual(Lit(board.LedBusyActiveLow), GpioBoard.LevelOf(board.LedBusy));
        }

        [Fact]
        public void ABoardWithoutBuzzerOrBusyLedIsServedQuietly()
        {
            BoardPins board = BoardCatalog.Find(Esp32DevKitC.Id);
            board.Buzzer = BoardPins.NotFitted;
            board.LedBusy = BoardPins.NotFitted;
            GpioFeedback feedback = new GpioFeedback(new GpioController(), board);
            feedback.SetLed(FeedbackLed.Busy, true);
            feedback.Beep(BeepPattern.Success);
            Assert.False(new GpioController().IsPinOpen(Esp32DevKitC.Buzzer));
        }

        [Fact]
        public void BeepSwitchesTheBuzzerOnAtOnceAndTheTimerSwitchesItOff()
        {
            BoardPins board = BoardCatalog.Find(Esp32DevKitC.Id);
            GpioFeedback feedback = new GpioFeedback(new GpioController(), board);
            feedback.Beep(BeepPattern.Success);
            Assert.Equal(Lit(board.BuzzerActiveLow), GpioBoard.LevelOf(board.Buzzer));
            Assert.True(GpioBoard.WaitForLevel(board.Buzzer, board.BuzzerActiveLow ? PinValue.High : PinValue.Low, TimeSpan.FromSeconds(10)));
        }
    }
}
