using MedCard.Firmware.Keypad;
using MedCard.Firmware.Tests.Fakes;
using nanoFramework.TestFramework;

namespace MedCard.Firmware.Tests
{
    [TestClass]
    [CryptoFree]
    public class KeypadScannerTests
    {
        private static FakeKeypadPins _pins;
        private static KeypadScanner _scanner;
        private static long _now;

        private static void Fresh()
        {
            _pins = new FakeKeypadPins(KeypadLayout.Standard4x4());
            _scanner = new KeypadScanner(_pins, KeypadLayout.Standard4x4(), 30);
            _now = 0;

            // The scanner first has to see the keypad at rest (a key held since power-up never counts).
            ScanFor(50);
        }

        // Scans every 5 ms for `ms` and returns the keys reported, in order.
        private static string ScanFor(int ms)
        {
            string keys = string.Empty;
            for (int t = 0; t < ms; t += 5)
            {
                _now += 5;
                char k = _scanner.Poll(_now);
                if (k != '\0')
                {
                    keys += k.ToString();
                }
            }

            return keys;
        }

        [TestMethod]
        public void SinglePressIsReportedOnceAfterDebounce()
        {
            Fresh();
            _pins.Press('5');
            Assert.AreEqual(string.Empty, ScanFor(20), "not before the debounce window");
            Assert.AreEqual("5", ScanFor(40));
            Assert.AreEqual(string.Empty, ScanFor(500), "holding the key does not repeat it");
            _pins.Release('5');
            Assert.AreEqual(string.Empty, ScanFor(100));
        }

        [TestMethod]
        public void BouncingContactGivesOnePress()
        {
            Fresh();
            for (int i = 0; i < 4; i++)
            {
                _pins.Press('7');
                ScanFor(5);
                _pins.Release('7');
                ScanFor(5);
            }

            _pins.Press('7');
            string keys = ScanFor(100);
            for (int i = 0; i < 3; i++)
            {
                _pins.Release('7');
                keys += ScanFor(5);
                _pins.Press('7');
                keys += ScanFor(5);
            }

            _pins.Release('7');
            keys += ScanFor(100);
            Assert.AreEqual("7", keys);
        }

        [TestMethod]
        public void ShortGlitchShorterThanDebounceIsIgnored()
        {
            Fresh();
            _pins.Press('1');
            ScanFor(10);
            _pins.Release('1');
            Assert.AreEqual(string.Empty, ScanFor(100));
        }

        [TestMethod]
        public void SeparatePressesAreEachReported()
        {
            Fresh();
            string keys = string.Empty;
            string typed = "1234#";
            for (int i = 0; i < typed.Length; i++)
            {
                _pins.Press(typed[i]);
                keys += ScanFor(60);
                _pins.Release(typed[i]);
                keys += ScanFor(60);
            }

            Assert.AreEqual(typed, keys);
        }

        [TestMethod]
        public void TwoKeysTogetherReportNothingUntilAllReleased()
        {
            Fresh();
            _pins.Press('1');
            _pins.Press('2');
            Assert.AreEqual(string.Empty, ScanFor(100));
            _pins.Release('2');
            Assert.AreEqual(string.Empty, ScanFor(100), "the remaining key of a chord does not count");
            _pins.Release('1');
            ScanFor(100);
            _pins.Press('3');
            Assert.AreEqual("3", ScanFor(100));
            Assert.IsTrue(_scanner.RejectedChords >= 1);
        }

        [TestMethod]
        public void SecondKeyWhileFirstHeldIsRejected()
        {
            Fresh();
            _pins.Press('4');
            Assert.AreEqual("4", ScanFor(60));
            _pins.Press('8');
            Assert.AreEqual(string.Empty, ScanFor(100));
            _pins.Release('4');
            Assert.AreEqual(string.Empty, ScanFor(100), "8 alone after a chord still waits for a full release");
        }

        [TestMethod]
        public void GhostRectangleIsDetectedAndRejected()
        {
            Fresh();

            // 1 (r0,c0), 2 (r0,c1), 4 (r1,c0): the matrix also shows 5 (r1,c1).
            _pins.Press('1');
            _pins.Press('2');
            _pins.Press('4');
            Assert.AreEqual(string.Empty, ScanFor(100));
            Assert.IsTrue(_scanner.LastScanGhosted, "three corners of a rectangle must be flagged as ghosting");
            _pins.ReleaseAll();
            ScanFor(100);
            Assert.IsFalse(_scanner.LastScanGhosted);
        }

        [TestMethod]
        public void GhostRectangleDetectionOnRawRows()
        {
            Assert.IsTrue(KeypadScanner.HasGhostRectangle(new int[] { 0x3, 0x3, 0, 0 }));
            Assert.IsFalse(KeypadScanner.HasGhostRectangle(new int[] { 0x1, 0x1, 0, 0 }), "same column, different rows: no rectangle");
            Assert.IsFalse(KeypadScanner.HasGhostRectangle(new int[] { 0x3, 0x4, 0, 0 }));
        }

        [TestMethod]
        public void KeyHeldWhenResetMustBeReleasedFirst()
        {
            Fresh();
            _pins.Press('9');
            ScanFor(100);
            _scanner.Reset();
            Assert.AreEqual(string.Empty, ScanFor(200), "a key already down at reset is not a press");
            _pins.Release('9');
            ScanFor(100);
            _pins.Press('9');
            Assert.AreEqual("9", ScanFor(100));
        }

        [TestMethod]
        public void LayoutMustMatchPins()
        {
            FakeKeypadPins pins = new FakeKeypadPins(KeypadLayout.Standard4x3());
            Assert.ThrowsException(typeof(System.ArgumentException), () => new KeypadScanner(pins, KeypadLayout.Standard4x4(), 30));
        }

        [TestMethod]
        public void Keypad4x3Works()
        {
            FakeKeypadPins pins = new FakeKeypadPins(KeypadLayout.Standard4x3());
            KeypadScanner scanner = new KeypadScanner(pins, KeypadLayout.Standard4x3(), 30);
            for (int t = 5; t <= 50; t += 5)
            {
                scanner.Poll(t);
            }

            pins.Press('#');
            char got = '\0';
            for (int t = 55; t <= 150 && got == '\0'; t += 5)
            {
                got = scanner.Poll(t);
            }

            Assert.AreEqual('#', got);
        }
    }
}
