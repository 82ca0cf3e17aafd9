using System;
using System.Text;

namespace nanoFramework.TestFramework
{
    /// <summary>Test output. On desktop the runner collects it per test so that it can be shown next to the result.</summary>
    public static class OutputHelper
    {
        [ThreadStatic]
        private static StringBuilder s_capture;

        /// <summary>Desktop runner hook: start collecting output for the current test.</summary>
        public static void BeginCapture() => s_capture = new StringBuilder();

        /// <summary>Desktop runner hook: stop collecting and return what was written.</summary>
        public static string EndCapture()
        {
            string text = s_capture == null ? string.Empty : s_capture.ToString();
            s_capture = null;
            return text;
        }

        public static void Write(string message)
        {
            if (s_capture != null) s_capture.Append(message);
            else Console.Write(message);
        }

        public static void WriteLine(string message)
        {
            if (s_capture != null) s_capture.Append(message).Append('\n');
            else Console.WriteLine(message);
        }
    }
}
