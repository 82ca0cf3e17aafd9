namespace System.Device.Gpio
{
    /// <summary>nanoframework/System.Device.Gpio v1.1.62, PinMode.cs: the eight modes in this order (the ESP32 driver compares them by order).</summary>
    public enum PinMode
    {
        /// <summary>Input, no pull.</summary>
        Input,

        /// <summary>Input with pull-down.</summary>
        InputPullDown,

        /// <summary>Input with pull-up.</summary>
        InputPullUp,

        /// <summary>Push-pull output.</summary>
        Output,

        /// <summary>Open-drain output (drives low, releases high).</summary>
        OutputOpenDrain,

        /// <summary>Open-drain output with pull-up.</summary>
        OutputOpenDrainPullUp,

        /// <summary>Open-source output.</summary>
        OutputOpenSource,

        /// <summary>Open-source output with pull-down.</summary>
        OutputOpenSourcePullDown,
    }
}
