using System;
using System.Device.Gpio;
using MedCard.Firmware.AdapterTests.NanoModels.Gpio;
using Xunit;

namespace MedCard.Firmware.AdapterTests.Models
{
    /// <summary>The GPIO model: reservation, input-only pins, pulls that GPIO34-39 lack, shorts.</summary>
    public sealed class GpioModelTests : ModelReset
    {
        [Fact]
        public void APinOpensOnceAndInvalidPinsNever()
        {
            GpioController gpio = new GpioController();
            gpio.OpenPin(13, PinMode.Output);
            Assert.Throws<InvalidOperationException>(() => gpio.OpenPin(13));
            Assert.Throws<InvalidOperationException>(() => gpio.OpenPin(20));
            gpio.ClosePin(13);
            Assert.Equal(13, gpio.OpenPin(13).PinNumber);
        }

        [Fact]
        public void InputOnlyPinsRefuseOutputModes()
        {
            GpioController gpio = new GpioController();
            Assert.False(gpio.IsPinModeSupported(34, PinMode.Output));
            Assert.False(gpio.IsPinModeSupported(39, PinMode.OutputOpenDrain));
            Assert.True(gpio.IsPinModeSupported(34, PinMode.InputPullUp));
            Assert.True(gpio.IsPinModeSupported(13, PinMode.OutputOpenDrain));
            Assert.Throws<ArgumentException>(() => gpio.OpenPin(35, PinMode.Output));
        }

        [Fact]
        public void InternalPullUpOnGpio34FloatsButAnExternalOneHolds()
        {
            GpioController gpio = new GpioController();
            GpioPin floating = gpio.OpenPin(34, PinMode.InputPullUp);
            GpioPin pulled = gpio.OpenPin(25, PinMode.InputPullUp);
            Assert.Equal(PinValue.Low, floating.Read());
            Assert.Equal(PinValue.High, pulled.Read());
            GpioBoard.AddExternalPullUp(34);
            Assert.Equal(PinValue.High, floating.Read());
        }

        [Fact]
        public void TwoPushPullOutputsJoinedAtDifferentLevelsAreAShort()
        {
            GpioController gpio = new GpioController();
            GpioPin a = gpio.OpenPin(13, PinMode.Output);
            GpioPin b = gpio.OpenPin(14, PinMode.Output);
            a.Write(PinValue.High);
            b.Write(PinValue.Low);
            Assert.Equal(0, GpioBoard.ShortCircuits);
            GpioBoard.Press(13, 14);
            Assert.True(GpioBoard.ShortCircuits > 0);
        }

        [Fact]
        public void OpenDrainReleasesHigh()
        {
            GpioController gpio = new GpioController();
            GpioPin row = gpio.OpenPin(13, PinMode.OutputOpenDrain);
            GpioPin column = gpio.OpenPin(25, PinMode.InputPullUp);
            GpioBoard.Press(13, 25);
            row.Write(PinValue.High);
            Assert.Equal(PinValue.High, column.Read());
            row.Write(PinValue.Low);
            Assert.Equal(PinValue.Low, column.Read());
        }
    }
}
