using System;

namespace nanoFramework.Runtime.Native
{
    /// <summary>
    /// Model of nanoFramework's Rtc (nanoframework/nanoFramework.Runtime.Native v1.7.11, Rtc.cs): SetSystemTime returns
    /// whether the target accepted the time. The model records the last time given and lets a test make the call fail.
    /// (DateTime.UtcNow itself is not shadowed: on the device it follows the RTC, here it is the desktop clock.)
    /// </summary>
    public static class Rtc
    {
        /// <summary>Model hook: what the next SetSystemTime returns.</summary>
        public static bool Accepts { get; set; } = true;

        /// <summary>Model hook: the last time accepted, or null.</summary>
        public static DateTime? LastSet { get; private set; }

        /// <summary>Set the RTC; false when the target refuses.</summary>
        public static bool SetSystemTime(DateTime time)
        {
            if (!Accepts)
            {
                return false;
            }

            LastSet = time;
            return true;
        }

        /// <summary>Model hook: power-on state.</summary>
        public static void ResetModel()
        {
            Accepts = true;
            LastSet = null;
        }
    }
}
