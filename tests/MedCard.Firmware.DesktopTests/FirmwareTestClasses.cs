using System;
using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework.DesktopRunner;

namespace MedCard.Firmware.DesktopTests
{
    /// <summary>The firmware test classes compiled into this assembly from firmware/MedCard.Firmware.Tests.</summary>
    public static class FirmwareTestClasses
    {
        private const string SamplesNamespace = "nanoFramework.TestFramework.DesktopRunnerSamples";

        public static IReadOnlyList<Type> All()
        {
            return NanoTestRunner.DiscoverTestClasses(typeof(FirmwareTestClasses).Assembly, t => t.Namespace != SamplesNamespace);
        }

        public static Type Find(string fullName)
        {
            return All().Single(t => t.FullName == fullName);
        }
    }
}
